package io.lodestone.ingest;

import io.lodestone.testsupport.KafkaTestClient;
import io.lodestone.testsupport.RecordingHttpServer;
import io.lodestone.testsupport.RecordingHttpServer.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running service against a real embedded broker and real HTTP sources: a well-formed RSS
 * feed, an Atom feed and a hostile feed, served by a local server, and a source whose host refuses
 * every connection (as every publisher does on a machine without internet). Subclasses share one
 * context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.cloud.stream.kafka.binder.brokers=${spring.embedded.kafka.brokers}",
        // a fresh state directory per run: a store left by an earlier run would not match the fresh broker
        "spring.cloud.stream.kafka.streams.binder.configuration.state.dir=${java.io.tmpdir}/ingest-stories-${random.uuid}",
        "lodestone.api.tokens=test-token"})
@EmbeddedKafka(partitions = 1)
public abstract class IngestIntegrationTest {

    protected static final String TOKEN = "test-token";
    static final RecordingHttpServer SOURCES = RecordingHttpServer.start()
            .respondTo("/notices.rss", Response.ok("application/rss+xml", fixture("policy-notices.rss.xml")))
            .respondTo("/industry.atom", Response.ok("application/atom+xml", fixture("industry-news.atom.xml")))
            .respondTo("/hostile.xml", Response.ok("application/rss+xml", fixture("xxe.xml")));

    @DynamicPropertySource
    static void sources(DynamicPropertyRegistry registry) {
        source(registry, 0, "notices", "/notices.rss");
        source(registry, 1, "industry", "/industry.atom");
        source(registry, 2, "hostile", "/hostile.xml");
        source(registry, 3, "offline", URI.create("http://127.0.0.1:" + REFUSING_PORT + "/feed.xml"));
    }

    /** A loopback port nothing listens on: connections to it are refused at once. */
    protected static final int REFUSING_PORT = unusedPort();

    private static void source(DynamicPropertyRegistry registry, int index, String id, String path) {
        source(registry, index, id, SOURCES.uri(path));
    }

    private static void source(DynamicPropertyRegistry registry, int index, String id, URI url) {
        String prefix = "lodestone.ingest.sources[" + index + "].";
        registry.add(prefix + "id", () -> id);
        registry.add(prefix + "kind", () -> "FEED");
        registry.add(prefix + "url", url::toString);
        registry.add(prefix + "poll-interval", () -> "PT1H");
    }

    private static int unusedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @LocalServerPort
    int port;

    /**
     * This context's broker, from the bean rather than the {@code spring.embedded.kafka.brokers}
     * system property, which another test class's broker may have changed since the context started.
     */
    @Autowired
    EmbeddedKafkaBroker embeddedKafka;

    protected KafkaTestClient kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaTestClient(embeddedKafka.getBrokersAsString());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    protected HttpResponse<String> post(String path, String json, String token) {
        return send("POST", path, json, token);
    }

    /** Any method, with a JSON body or none. */
    protected HttpResponse<String> send(String method, String path, String json, String token) {
        return new ServiceHttp(port).send(method, path, json, token);
    }

    protected HttpResponse<String> get(String path, String token) {
        return send("GET", path, null, token);
    }

    static String fixture(String name) {
        try (InputStream in = IngestIntegrationTest.class.getResourceAsStream("/feeds/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
