package io.lodestone.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which destinations Slack and webhook deliveries may reach. */
class UrlGuardTest {

    @ParameterizedTest(name = "{0} public={1}")
    @CsvSource(textBlock = """
            93.184.216.34,       true
            2606:4700:4700::1111, true
            127.0.0.1,           false
            127.8.9.10,          false
            ::1,                 false
            0.0.0.0,             false
            10.1.2.3,            false
            172.16.0.1,          false
            172.31.255.255,      false
            172.32.0.1,          true
            192.168.1.1,         false
            169.254.169.254,     false
            100.100.100.200,     false
            fe80::1,             false
            fd00:ec2::254,       false
            ::ffff:127.0.0.1,    false
            ::ffff:10.0.0.1,     false
            224.0.0.1,           false
            """)
    void classifiesAddresses(String address, boolean isPublic) throws Exception {
        assertThat(UrlGuard.isPublic(InetAddress.getByName(address))).isEqualTo(isPublic);
    }

    @Test
    void refusesMetadataAndPrivateHostsUnlessAllowed() {
        UrlGuard strict = new UrlGuard(List.of());
        UrlGuard local = new UrlGuard(List.of("127.0.0.0/8", "10.20.0.0/16"));

        assertThat(strict.problem("http://169.254.169.254/latest/meta-data")).get().asString().contains("169.254.169.254");
        assertThat(strict.problem("http://127.0.0.1:8080/hook")).isPresent();
        assertThat(strict.problem("http://localhost/hook")).isPresent();
        assertThat(local.problem("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(local.problem("http://10.20.3.4/hook")).isEmpty();
        assertThat(local.problem("http://10.21.3.4/hook")).isPresent();
        assertThat(local.problem("http://169.254.169.254/")).isPresent();
    }

    @Test
    void refusesWhatIsNotAPlainHttpUrl() {
        UrlGuard guard = new UrlGuard(List.of("127.0.0.0/8"));

        assertThat(guard.problem("file:///etc/passwd")).isPresent();
        assertThat(guard.problem("gopher://127.0.0.1/")).isPresent();
        assertThat(guard.problem("http://user:pw@127.0.0.1/")).isPresent();
        assertThat(guard.problem("not a url")).isPresent();
        assertThat(guard.problem(null)).isPresent();
        assertThatThrownBy(() -> guard.check("https://no-such-host.invalid/hook"))
                .isInstanceOf(UrlGuard.UnresolvedHostException.class).hasMessageContaining("does not resolve");
    }
}
