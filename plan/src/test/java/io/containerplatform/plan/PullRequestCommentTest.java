package io.containerplatform.plan;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class PullRequestCommentTest {

    @TempDir
    Path dir;

    private static String estimate(double total, Double budget, String... components) {
        var list = new StringBuilder();
        for (int i = 0; i < components.length; i += 2) {
            list.append(i == 0 ? "" : ",").append("{\"component\":\"").append(components[i]).append("\",\"monthly\":").append(components[i + 1])
                    .append(",\"resources\":[]}");
        }
        return "{\"stack\":\"dev\",\"monthly\":" + total + ",\"budget\":" + budget + ",\"components\":[" + list + "]}";
    }

    @Test
    void comparesTheBaseAndThePullRequestPerComponentThenShowsTheDiagram() throws Exception {
        var base = Files.createDirectories(dir.resolve("base"));
        var head = Files.createDirectories(dir.resolve("head"));
        Files.writeString(base.resolve("dev.cost.json"), estimate(15, null, "dev-web", "10", "dev-old", "5"));
        Files.writeString(head.resolve("dev.cost.json"), estimate(15.5, 20.0, "dev-web", "12.5", "dev-new", "3"));
        Files.writeString(head.resolve("dev.md"), "# Architecture of stack dev\n\n```mermaid\nflowchart LR\n```\n");
        Files.writeString(head.resolve("prod.cost.json"), estimate(7, null, "prod-web", "7"));
        var comment = PullRequestComment.markdown(base, head);
        assertThat(comment).contains("""
                ### Stack dev

                | component | base | this pull request | difference |
                |---|---:|---:|---:|
                | `dev-web` | $10.00 | $12.50 | +$2.50 |
                | `dev-new` | $0.00 | $3.00 | +$3.00 |
                | `dev-old` | $5.00 | $0.00 | -$5.00 |
                | **total** | $15.00 | $15.50 | +$0.50 |

                Budget $20.00 a month: 78 % used.
                """).contains("<details><summary>Diagram, first deploy and cost detail of dev</summary>\n\n\n```mermaid\nflowchart LR\n```\n")
                .contains("### Stack prod").contains("| **total** | $0.00 | $7.00 | +$7.00 |").contains("The base branch has no estimate of this stack.");
        assertThat(comment.indexOf("### Stack dev")).isLessThan(comment.indexOf("### Stack prod"));
    }

    @Test
    void showsEachStacksChangesWithDataLossesFirst() throws Exception {
        var base = Files.createDirectories(dir.resolve("base"));
        var head = Files.createDirectories(dir.resolve("head"));
        Files.writeString(head.resolve("dev.cost.json"), estimate(1, null, "dev-web", "1"));
        Files.writeString(head.resolve("dev.changes.json"), """
                {"stack": "dev", "base": "b", "changes": [
                 {"urn": "urn:pulumi:dev::p::aws:ecs/service:Service::web", "type": "aws:ecs/service:Service", "op": "update",
                  "keys": ["desiredCount"], "deleteBeforeReplace": false, "losesData": false, "why": "updated in place"},
                 {"urn": "urn:pulumi:dev::p::aws:rds/instance:Instance::db", "type": "aws:rds/instance:Instance", "op": "delete",
                  "keys": [], "deleteBeforeReplace": false, "losesData": true, "why": "not in this plan: the database goes with it"}],
                 "errors": ["urn:x: ECS refuses to update networkConfiguration"]}
                """);
        var comment = PullRequestComment.markdown(base, head);
        assertThat(comment).contains("**1 change(s) lose data.**").contains("- **refused:** urn:x: ECS refuses to update networkConfiguration")
                .contains("| loses data | delete | `db` (`aws:rds/instance:Instance`) |  | not in this plan: the database goes with it |");
        assertThat(comment.indexOf("`db`")).isLessThan(comment.indexOf("`web`"));
    }

    @Test
    void saysWhenAStacksPlanFailedOrItsChangesWereNotCompared() throws Exception {
        var base = Files.createDirectories(dir.resolve("base"));
        var head = Files.createDirectories(dir.resolve("head"));
        Files.writeString(base.resolve("dev.cost.json"), estimate(1, null, "dev-web", "1"));
        Files.writeString(base.resolve("dev.json"), "{}");
        Files.writeString(head.resolve("dev.cost.json"), estimate(1, null, "dev-web", "1"));
        Files.writeString(head.resolve("prod.cost.json"), estimate(1, null, "prod-web", "1"));
        Files.writeString(base.resolve("staging.cost.json"), estimate(1, null, "staging-web", "1"));
        var comment = PullRequestComment.markdown(base, head);
        assertThat(comment).contains("""
                | **total** | $1.00 | $1.00 | $0.00 |

                **The changes to the stack's resources were not compared:** the pull request's plan stopped before (see the plan-report job's log).
                """).contains("""
                The base branch has no estimate of this stack.

                **The changes to the stack's resources were not compared:** the base branch has no plan of this stack (its offline plan failed: \
                see the plan-report job's log).
                """).contains("""
                ### Stack staging

                **The offline plan of this pull request failed for this stack** (its error is in the plan-report job's log).
                """).doesNotContain("No resource changes.");
    }
}
