package io.muster.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP cable between Muster and a server that a test can pull out and plug back in: while it
 * is out, connections are refused and those open are cut, as when the server or the network
 * between goes away; plugged in again, it listens on the same port.
 */
public final class Cable implements AutoCloseable {

    private final int port;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile ServerSocket listening;

    /** A cable plugged in on a free local port, to the given local port. */
    public Cable(int targetPort) {
        this.port = EmbeddedServices.freePort();
        this.targetPort = targetPort;
        plugIn();
    }

    public int port() {
        return port;
    }

    public synchronized void plugIn() {
        if (listening != null) {
            return;
        }
        try {
            ServerSocket server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            listening = server;
            Thread accept = new Thread(() -> accept(server), "cable-" + port);
            accept.setDaemon(true);
            accept.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + port, e);
        }
    }

    public synchronized void pullOut() {
        ServerSocket server = listening;
        listening = null;
        close(server);
        open.forEach(Cable::close);
        open.clear();
    }

    private void accept(ServerSocket server) {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                open.add(client);
                open.add(target);
                pipe(client, target);
                pipe(target, client);
            } catch (IOException e) {
                // closed by pullOut, or the target refused: the client sees its connection end
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread copy = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side went away
            } finally {
                close(from);
                close(to);
            }
        }, "cable-" + port + "-copy");
        copy.setDaemon(true);
        copy.start();
    }

    private static void close(java.io.Closeable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    @Override
    public void close() {
        pullOut();
    }
}
