package org.openpe.netlink.internal.socket;

import java.nio.ByteBuffer;

/** Receives one netlink message in place; the buffer is only valid during the call. */
@FunctionalInterface
public interface MessageHandler {
    void handle(ByteBuffer buffer, int offset, int type);
}
