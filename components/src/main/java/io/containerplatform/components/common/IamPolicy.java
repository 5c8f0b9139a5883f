package io.containerplatform.components.common;

import java.util.List;
import java.util.Map;

import static io.containerplatform.components.common.Json.obj;

/** IAM policy documents as JSON, built from data rather than string templates. */
public final class IamPolicy {

    private IamPolicy() {
    }

    /** One {@code Allow} statement. */
    public static Map<String, Object> allow(List<String> actions, List<String> resources) {
        return statement("Allow", actions, resources);
    }

    /** One statement: {@code effect} ({@code Allow} or {@code Deny}) of {@code actions} on {@code resources}. */
    public static Map<String, Object> statement(String effect, List<String> actions, List<String> resources) {
        return obj("Effect", effect, "Action", actions, "Resource", resources);
    }

    /** A policy document holding {@code statements}. */
    public static String document(List<Map<String, Object>> statements) {
        return Json.write(obj("Version", "2012-10-17", "Statement", statements));
    }

    /** A trust policy letting the AWS service principal {@code service} (e.g. {@code ecs-tasks.amazonaws.com}) assume a role. */
    public static String assumedByService(String service) {
        return assumedByService(service, Map.of());
    }

    /**
     * A trust policy for the AWS service principal {@code service} with a {@code Condition} block, e.g.
     * {@code aws:SourceAccount} against the confused-deputy problem; no condition when {@code condition} is empty.
     */
    public static String assumedByService(String service, Map<String, Object> condition) {
        var statement = obj("Effect", "Allow", "Principal", obj("Service", service), "Action", "sts:AssumeRole");
        if (!condition.isEmpty()) {
            statement.put("Condition", condition);
        }
        return document(List.of(statement));
    }
}
