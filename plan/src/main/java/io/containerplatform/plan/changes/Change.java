package io.containerplatform.plan.changes;

import java.util.List;

/**
 * What {@code pulumi preview} would do to one resource that differs between a base plan and this one.
 *
 * @param urn                 the resource's URN in this plan (the base's for a delete)
 * @param type                its type token
 * @param op                  what happens to it
 * @param keys                the top-level inputs that differ, sorted (empty for a create or a delete)
 * @param deleteBeforeReplace for a replace: whether the old one is deleted before its successor is created
 * @param losesData           whether data or capacity that cannot be recreated goes with it
 * @param why                 the reason, naming the inputs and the provider rule that decided
 */
public record Change(String urn, String type, Op op, List<String> keys, boolean deleteBeforeReplace, boolean losesData, String why) {

    /** The operations of a preview, named as the changes file writes them. */
    public enum Op {
        create, update, replace, delete
    }
}
