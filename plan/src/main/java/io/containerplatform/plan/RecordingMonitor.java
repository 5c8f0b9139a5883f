package io.containerplatform.plan;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import com.pulumi.resources.Resource;
import com.pulumi.test.Mocks;
import com.pulumi.test.internal.MockMonitor;
import pulumirpc.Resource.RegisterResourceRequest;
import pulumirpc.Resource.RegisterResourceResponse;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK's mock monitor, also recording every registration request as the engine would receive it:
 * parent, dependencies, protect and inputs with their secret markers. (The public {@link Mocks} API sees
 * inputs only, with secrets already unwrapped.)
 */
final class RecordingMonitor extends MockMonitor {

    private static final String SIG = "4dabf18193072939515e22adb298388d";
    private static final String SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
    private static final String RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
    private static final String UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

    private final List<PlanResource> recorded = Collections.synchronizedList(new ArrayList<>());

    RecordingMonitor(Mocks mocks, com.pulumi.Log log) {
        super(mocks, log);
    }

    @Override
    public CompletableFuture<RegisterResourceResponse> registerResourceAsync(Resource resource, RegisterResourceRequest request) {
        return super.registerResourceAsync(resource, request).thenApply(response -> {
            recorded.add(new PlanResource(
                    response.getUrn(),
                    request.getType(),
                    request.getName(),
                    request.getCustom(),
                    request.getParent().isEmpty() ? null : request.getParent(),
                    plain(request.getObject()),
                    List.copyOf(request.getDependenciesList()),
                    request.getProtect(),
                    request.getProvider().isEmpty() ? null : request.getProvider(),
                    List.copyOf(request.getIgnoreChangesList()),
                    aliases(request)));
            return response;
        });
    }

    /** The alias URNs of a registration: given as URNs, or as the engine's alias objects holding one. */
    private static List<String> aliases(RegisterResourceRequest request) {
        var urns = new ArrayList<String>(request.getAliasURNsList());
        request.getAliasesList().stream().filter(a -> a.hasUrn()).forEach(a -> urns.add(a.getUrn()));
        return urns.stream().distinct().sorted().toList();
    }

    /** Every registration so far, in completion order. */
    List<PlanResource> recorded() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
    }

    private static Map<String, Object> plain(Struct struct) {
        var map = new TreeMap<String, Object>();
        struct.getFieldsMap().forEach((key, value) -> map.put(key, plain(value)));
        return map;
    }

    private static Object plain(Value value) {
        return switch (value.getKindCase()) {
            case NULL_VALUE, KIND_NOT_SET -> null;
            case BOOL_VALUE -> value.getBoolValue();
            case NUMBER_VALUE -> {
                double d = value.getNumberValue();
                yield d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) (long) d : (Object) d;
            }
            case STRING_VALUE -> UNKNOWN.equals(value.getStringValue()) ? "[unknown]" : value.getStringValue();
            case LIST_VALUE -> value.getListValue().getValuesList().stream().map(RecordingMonitor::plain).toList();
            case STRUCT_VALUE -> {
                var fields = value.getStructValue().getFieldsMap();
                var sig = fields.get(SIG);
                if (sig != null && SECRET_SIG.equals(sig.getStringValue())) {
                    yield "[secret]";
                }
                if (sig != null && RESOURCE_SIG.equals(sig.getStringValue())) {
                    yield fields.get("urn").getStringValue();
                }
                var map = new LinkedHashMap<String, Object>(plain(value.getStructValue()));
                yield map;
            }
        };
    }
}
