package io.jointure.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jointure explain}: a query's plan, with the request each source will receive. */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = {"Print a query's plan and what each source will receive.",
        "Shows the plan and the native request each source will receive (SQL with its"
            + " parameters, a MongoDB find or aggregate), without running the query."})
final class ExplainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  ModelOption model;

  @Mixin
  DriverPathOption drivers;

  @Parameters(index = "0", paramLabel = "<query>", description = "the SQL query to explain")
  String query;

  @Override
  public Integer call() throws Exception {
    drivers.load();
    PrintWriter out = spec.commandLine().getOut();
    try (Connection connection = SqlCommand.open(model.jdbcUrl());
         Statement statement = connection.createStatement();
         ResultSet plan = statement.executeQuery("EXPLAIN PLAN FOR "
             + query.strip().replaceAll(";+$", ""))) {
      while (plan.next()) {
        out.println(plan.getString(1).stripTrailing());
      }
    }
    out.flush();
    return 0;
  }
}
