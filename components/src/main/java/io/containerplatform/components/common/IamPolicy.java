package io.containerplatform.components.common;

import com.google.gson.GsonBuilder;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** IAM policy documents as JSON, built from data rather than string templates. */
public final class IamPolicy {

    private IamPolicy() {
    }

    /** One {@code Allow} statement. */
    public static Map<String, Object> allow(List<String> actions, List<String> resources) {
        var statement = new LinkedHashMap<String, Object>();
        statement.put("Effect", "Allow");
        statement.put("Action", actions);
        statement.put("Resource", resources);
        return statement;
    }

    /** A policy document holding {@code statements}. */
    public static String document(List<Map<String, Object>> statements) {
        var doc = new LinkedHashMap<String, Object>();
        doc.put("Version", "2012-10-17");
        doc.put("Statement", statements);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(doc);
    }

    /** A trust policy letting the AWS service principal {@code service} (e.g. {@code ecs-tasks.amazonaws.com}) assume a role. */
    public static String assumedByService(String service) {
        var statement = new LinkedHashMap<String, Object>();
        statement.put("Effect", "Allow");
        statement.put("Principal", Map.of("Service", service));
        statement.put("Action", "sts:AssumeRole");
        return document(List.of(statement));
    }
}
