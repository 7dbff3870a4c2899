package io.lodestone.alert;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import org.springframework.test.context.DynamicPropertyRegistry;

/** A real SMTP server (GreenMail) on a free loopback port, shared by a test class's methods. */
public final class TestMail {

    private TestMail() {
    }

    /** To be held in a static {@code @RegisterExtension} field. */
    public static GreenMailExtension server() {
        return new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort()).withPerMethodLifecycle(false);
    }

    /** Points the service's mail sender at {@code smtp}. */
    public static void register(DynamicPropertyRegistry registry, GreenMailExtension smtp) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
    }
}
