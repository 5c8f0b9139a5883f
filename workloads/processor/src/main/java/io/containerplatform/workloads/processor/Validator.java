package io.containerplatform.workloads.processor;

import io.containerplatform.workloads.event.Event;
import io.containerplatform.workloads.event.EventContract;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

/**
 * Parses and validates a micro-batch of messages with Spark SQL, against {@code event.schema.json}: each message
 * comes out as a valid {@link Event} or with the reason it is rejected. Spark's JSON reader turns any JSON value
 * into a string for a string field, so the string fields' JSON types are probed by reading them as numbers,
 * booleans, objects and arrays (non-numeric numbers off; a field that does not convert is null on its own, the
 * reader returning partial results).
 * Attribute values are read as strings (a number becomes its text).
 */
final class Validator {

    /** A message off the queue: its delivery tag and body. */
    record Message(long tag, String body) {
    }

    /** The verdict on one message: an event, or the reason it is rejected. */
    record Verdict(long tag, String body, Event event, String reason) {
        boolean valid() {
            return event != null;
        }
    }

    private static final StructType INPUT = new StructType().add("tag", DataTypes.LongType, false).add("body", DataTypes.StringType, true);
    private static final Map<String, String> STRICT = Map.of("allowNonNumericNumbers", "false", "mode", "PERMISSIVE");
    private static final List<String> STRING_FIELDS = List.of("id", "source", "type", "timestamp");
    /** The message with the contract's types. */
    private static final StructType TYPED = DataTypes.createStructType(List.of(
            DataTypes.createStructField("id", DataTypes.StringType, true),
            DataTypes.createStructField("source", DataTypes.StringType, true),
            DataTypes.createStructField("type", DataTypes.StringType, true),
            DataTypes.createStructField("timestamp", DataTypes.StringType, true),
            DataTypes.createStructField("value", DataTypes.DoubleType, true),
            DataTypes.createStructField("attributes", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true)));

    private final SparkSession spark;

    Validator(SparkSession spark) {
        this.spark = spark;
    }

    List<Verdict> validate(List<Message> messages) {
        if (messages.isEmpty()) {
            return List.of();
        }
        var rows = new ArrayList<Row>(messages.size());
        messages.forEach(m -> rows.add(RowFactory.create(m.tag(), m.body())));
        // Each message is parsed once per shape: as a map (is it an object, which fields are there), with the
        // contract's types, and as each probe type. The checks then read those columns.
        var stringMap = DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType);
        var parsed = spark.createDataFrame(rows, INPUT).select(col("tag"), col("body"),
                from_json(col("body"), stringMap, STRICT).as("raw"),
                from_json(col("body"), TYPED, STRICT).as("typed"),
                probe(DataTypes.DoubleType).as("number"), probe(DataTypes.BooleanType).as("boolean"),
                probe(stringMap).as("object"), probe(DataTypes.createArrayType(DataTypes.StringType)).as("array"));
        var raw = col("raw");
        var typed = col("typed");
        var timestamp = to_timestamp(upper(typed.getField("timestamp")));
        Column reason = when(raw.isNull(), lit("not a JSON object"));
        for (var field : EventContract.REQUIRED) {
            reason = reason.when(raw.getItem(field).isNull(), lit("missing " + field));
            if (STRING_FIELDS.contains(field)) {
                reason = reason.when(col("number").getField(field).isNotNull().or(col("boolean").getField(field).isNotNull())
                        .or(col("object").getField(field).isNotNull()).or(col("array").getField(field).isNotNull()), lit(field + " is not a string"));
            } else {
                reason = reason.when(typed.getField(field).isNull(), lit(field + " is not a number"));
            }
        }
        reason = reason
                .when(length(typed.getField("id")).equalTo(0), lit("id is empty"))
                .when(length(typed.getField("id")).gt(EventContract.MAX_ID_LENGTH),
                        lit("id is longer than " + EventContract.MAX_ID_LENGTH + " characters"))
                .when(typed.getField("timestamp").rlike("^" + EventContract.RFC_3339.pattern() + "$").unary_$bang().or(timestamp.isNull()),
                        lit("timestamp is not an RFC 3339 instant"))
                .when(raw.getItem("attributes").isNotNull().and(typed.getField("attributes").isNull()), lit("attributes is not an object"));
        var result = parsed.select(col("tag"), col("body"), reason.as("reason"),
                typed.getField("id").as("id"), typed.getField("source").as("source"), typed.getField("type").as("type"),
                unix_micros(timestamp).as("micros"), typed.getField("value").as("value"), typed.getField("attributes").as("attributes"));
        var verdicts = new ArrayList<Verdict>(messages.size());
        for (var row : result.collectAsList()) {
            var rejected = row.<String>getAs("reason");
            if (rejected != null) {
                verdicts.add(new Verdict(row.getAs("tag"), row.getAs("body"), null, rejected));
            } else {
                long micros = row.getAs("micros");
                scala.collection.Map<String, String> attributes = row.getAs("attributes");
                var event = new Event(row.getAs("id"), row.getAs("source"), row.getAs("type"),
                        Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L),
                        row.<Double>getAs("value"), attributes == null ? Map.of() : scala.jdk.javaapi.CollectionConverters.asJava(attributes));
                verdicts.add(new Verdict(row.getAs("tag"), row.getAs("body"), event, null));
            }
        }
        return verdicts;
    }

    /** The string fields read as {@code type}: a field is non-null only when its JSON value is of that type. */
    private static Column probe(org.apache.spark.sql.types.DataType type) {
        return from_json(col("body"), DataTypes.createStructType(STRING_FIELDS.stream()
                .map(f -> DataTypes.createStructField(f, type, true)).toList()), STRICT);
    }
}
