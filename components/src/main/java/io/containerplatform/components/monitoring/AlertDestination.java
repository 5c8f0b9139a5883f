package io.containerplatform.components.monitoring;

import com.pulumi.core.annotations.Import;
import io.containerplatform.components.args.DeclaredArgs;
import io.containerplatform.components.args.Format;
import io.containerplatform.components.args.InputSpec;
import io.containerplatform.components.args.Inputs;

import java.util.List;

/**
 * Who an alarm topic notifies: email addresses and HTTPS endpoints, each subscribed to the topic (each must confirm
 * its subscription: the email's owner by the link SNS sends, the endpoint by fetching the {@code SubscribeURL} of
 * SNS's first message, as PagerDuty's, Opsgenie's and incident tools' SNS integrations do). A stack's one alert
 * destination, which every alarm topic subscribes to unless its service names its own. A declared input type: each
 * field is one input ({@link InputSpec}); build with {@link #builder()}.
 */
public final class AlertDestination extends DeclaredArgs {

    @Import(name = "emails")
    @InputSpec(value = "Email addresses subscribed to the alarm topics (each must confirm)", format = Format.EMAIL, allowed = "email addresses")
    private List<String> emails = List.of();

    @Import(name = "webhooks")
    @InputSpec(value = "HTTPS endpoints subscribed to the alarm topics (each must confirm; SNS posts its JSON messages; kept secret in the"
            + " state, as they often carry a token)", format = Format.HTTPS_URL, allowed = "HTTPS URLs")
    private List<String> webhooks = List.of();

    public List<String> emails() { return emails; }
    public List<String> webhooks() { return webhooks; }

    /** True when it names nobody: an alarm topic subscribed to it alone reaches no one. */
    public boolean isEmpty() {
        return emails.isEmpty() && webhooks.isEmpty();
    }

    public static Builder builder() { return new Builder(new AlertDestination()); }
    public static Builder builder(AlertDestination from) { return new Builder(Inputs.copyOf(from)); }

    /** Sets the inputs of an {@link AlertDestination}. */
    public static final class Builder {
        private final AlertDestination $;

        private Builder(AlertDestination start) { $ = start; }

        /**
         * Email addresses subscribed to the alarm topics (each must confirm). Allowed: email addresses. Default: [].
         */
        public Builder emails(List<String> v) { $.emails = v; return this; }

        /**
         * HTTPS endpoints subscribed to the alarm topics (each must confirm; SNS posts its JSON messages; kept secret
         * in the state, as they often carry a token). Allowed: HTTPS URLs. Default: [].
         */
        public Builder webhooks(List<String> v) { $.webhooks = v; return this; }

        /** The destination as set so far, checked: an unmodifiable copy, or an exception naming every problem. */
        public AlertDestination build() { return $.validated(); }
    }
}
