package io.supportsla.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Free TCP ports for parts that must be told their port before they start (a service advertises
 * its own port to other instances and in links, so {@code server.port=0} will not do).
 */
final class FreePorts {

    private FreePorts() {
    }

    /** {@code port} itself, or a port free at this moment when it is 0. */
    static int resolve(int port) {
        return port == 0 ? pick() : port;
    }

    static int pick() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port", e);
        }
    }
}
