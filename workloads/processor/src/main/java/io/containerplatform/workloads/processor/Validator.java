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

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.from_json;
import static org.apache.spark.sql.functions.get_json_object;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.unix_micros;
import static org.apache.spark.sql.functions.upper;
import static org.apache.spark.sql.functions.when;

/**
 * Parses and validates a micro-batch of messages with Spark SQL, against {@code event.schema.json}: each message
 * comes out as a valid {@link Event} or with the reason it is rejected. Spark's JSON reader turns any JSON value
 * into a string for a string field, so a field's JSON type is probed by reading it as a number, a boolean, an
 * object and an array (non-numeric numbers off), each alone so that one field's failure does not hide another's.
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
        var body = col("body");
        var typed = from_json(body, DataTypes.createStructType(List.of(
                DataTypes.createStructField("id", DataTypes.StringType, true),
                DataTypes.createStructField("source", DataTypes.StringType, true),
                DataTypes.createStructField("type", DataTypes.StringType, true),
                DataTypes.createStructField("timestamp", DataTypes.StringType, true),
                DataTypes.createStructField("value", DataTypes.DoubleType, true),
                DataTypes.createStructField("attributes", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), true))), STRICT);
        var timestamp = to_timestamp(upper(typed.getField("timestamp")));
        Column reason = when(from_json(body, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType), STRICT).isNull(),
                lit("not a JSON object"));
        for (var field : EventContract.REQUIRED) {
            var present = get_json_object(body, "$." + field).isNotNull();
            reason = reason.when(present.unary_$bang(), lit("missing " + field));
            if (STRING_FIELDS.contains(field)) {
                reason = reason.when(notAString(body, field), lit(field + " is not a string"));
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
                .when(get_json_object(body, "$.attributes").isNotNull().and(typed.getField("attributes").isNull()),
                        lit("attributes is not an object"));
        var result = spark.createDataFrame(rows, INPUT).select(col("tag"), body, reason.as("reason"),
                typed.getField("id").as("id"), typed.getField("source").as("source"), typed.getField("type").as("type"),
                unix_micros(timestamp).as("micros"), typed.getField("value").as("value"),
                coalesce(typed.getField("attributes"), lit(null).cast(DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)))
                        .as("attributes"));
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

    /** True when {@code field} is present with a JSON number, boolean, object or array. */
    private static Column notAString(Column body, String field) {
        return probe(body, field, DataTypes.DoubleType).isNotNull()
                .or(probe(body, field, DataTypes.BooleanType).isNotNull())
                .or(probe(body, field, DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType)).isNotNull())
                .or(probe(body, field, DataTypes.createArrayType(DataTypes.StringType)).isNotNull());
    }

    /** {@code field} read as {@code type} alone: non-null only when its JSON value is of that type. */
    private static Column probe(Column body, String field, org.apache.spark.sql.types.DataType type) {
        return from_json(body, DataTypes.createStructType(List.of(DataTypes.createStructField(field, type, true))), STRICT).getField(field);
    }
}
