package io.containerplatform.components.common;

/**
 * The base of an Args builder whose built Args keep a {@link #snapshot()} of it, so that setting the builder
 * again after {@code build()} leaves them alone. Every field of a subclass must be an immutable value: its
 * setters copy collections.
 *
 * @param <B> the builder itself
 */
public abstract class SnapshotBuilder<B extends SnapshotBuilder<B>> implements Cloneable {

    /** A copy of this builder, as it is now. */
    @SuppressWarnings("unchecked")
    public B snapshot() {
        try {
            return (B) super.clone();
        } catch (CloneNotSupportedException e) {
            throw new AssertionError(e);
        }
    }
}
