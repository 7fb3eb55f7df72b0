package io.jointure.tests;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;

/**
 * Scans a query through Jointure in a JVM of its own (started by {@link ScaleTest} with a small
 * heap) and prints the row count, the sum of the first column and the peak heap used.
 */
public final class ScanMain {
  public static void main(String[] args) throws Exception {
    Properties info = new Properties();
    info.setProperty("model", "inline:" + args[0]);
    long rows = 0;
    long sum = 0;
    try (Connection c = DriverManager.getConnection("jdbc:jointure:", info);
         Statement s = c.createStatement();
         ResultSet rs = s.executeQuery(args[1])) {
      while (rs.next()) {
        rows++;
        sum += rs.getLong(1);
        rs.getString(2);
      }
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.println("rows=" + rows + " sum=" + sum + " peakHeapMB=" + peak / (1024 * 1024));
  }
}
