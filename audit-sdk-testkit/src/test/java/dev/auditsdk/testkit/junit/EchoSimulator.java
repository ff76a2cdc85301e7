package dev.auditsdk.testkit.junit;

import dev.auditsdk.testkit.SimExchange;
import dev.auditsdk.testkit.SimulatorServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** A minimal simulator for testing the extension: answers every request with 200 "echo". */
public class EchoSimulator extends SimulatorServer {

    /** Creates it with the no-argument constructor the extension uses. */
    public EchoSimulator() {
        super("echo");
    }

    @Override
    protected void handle(SimExchange exchange) throws IOException {
        exchange.respond(200, "text/plain", "echo");
    }

    /** @return true while it answers requests */
    boolean running() {
        try {
            port();
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /** Sends one request to it. */
    void ping() throws Exception {
        HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl() + "/ping")).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
