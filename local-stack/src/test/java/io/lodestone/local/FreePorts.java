package io.lodestone.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for the processes a test starts, chosen below the kernel's ephemeral range (Linux hands
 * out 32768–60999 by default, macOS 49152–65535). A port the kernel gave for port 0 lies in that
 * range, and the kernel may hand it out again, as the local end of an outgoing connection, in the
 * seconds before the service that is to listen on it has started: a stack test once failed with
 * "Port 45989 was already in use". Below the range, only a listener asking for that very port can
 * take it.
 */
final class FreePorts {

    private static final int LOWEST = 20_000;
    private static final int HIGHEST = 32_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** A port no listener holds now and that this JVM has not handed out before. */
    static synchronized int next() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, HIGHEST);
            if (HANDED_OUT.contains(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                HANDED_OUT.add(port);
                return port;
            } catch (IOException taken) {
                // someone listens there: try another
            }
        }
        throw new IOException("no free port between " + LOWEST + " and " + HIGHEST + " after 200 tries");
    }
}
