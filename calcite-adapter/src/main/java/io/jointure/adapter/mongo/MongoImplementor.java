package io.jointure.adapter.mongo;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/**
 * Builds the aggregation pipeline of a tree of {@link MongoRel}s, bottom up: the collection, the
 * stages so far, and where each output field of the last operator lives.
 */
public final class MongoImplementor {
  String collection;
  final List<Document> stages = new ArrayList<>();
  List<MongoField> fields = List.of();

  void visitInput(MongoRel input) {
    input.implement(this);
  }

  void addStage(String name, Object body) {
    stages.add(new Document(name, body));
  }
}
