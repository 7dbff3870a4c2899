package io.lodestone.service.egress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The guard's decision for a URL, from literals and a fake DNS: it never connects. */
class EgressGuardTest {

    /** Answers from a table, never from the network. */
    static DnsResolver fakeDns(Map<String, String> answers) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                String answer = answers.get(host);
                if (answer == null) {
                    throw new UnknownHostException(host);
                }
                return new InetAddress[] {InetAddress.getByName(answer)};
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    private final EgressGuard guard = new EgressGuard(AddressPolicy.publicOnly(), fakeDns(Map.of(
            "hooks.example.com", "93.184.216.34",
            "internal.example.com", "10.0.0.5",
            "metadata.example.com", "169.254.169.254",
            "nat64.example.com", "64:ff9b::a00:1")));

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            http://[64:ff9b::a00:1]/                | NAT64
            http://[64:ff9b::a9fe:a9fe]/latest      | NAT64
            https://[2002:a00:1::1]/hook            | 6to4
            https://[2001:0:4136:e378::1]/hook      | Teredo
            http://[::ffff:10.0.0.1]/               | private-use
            http://[fd00:ec2::254]/                 | unique local
            http://[fe80::1]/                       | link-local
            http://10.0.0.1/                        | private-use
            http://192.168.0.10:8080/hook           | private-use
            http://169.254.169.254/latest/meta-data | link-local
            http://127.0.0.1:9/                     | loopback
            http://[::1]/                           | loopback
            http://internal.example.com/hook        | private-use
            http://metadata.example.com/            | link-local
            https://nat64.example.com/              | NAT64
            """)
    void refusesNonPublicDestinations(String url, String reason) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(EgressRefusedException.class).hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "{0} may be called")
    @CsvSource({"https://hooks.example.com/services/T0/B0/X", "http://8.8.8.8/", "https://[2606:4700:4700::1111]:8443/hook"})
    void permitsPublicDestinations(String url) throws Exception {
        assertThat(guard.check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest(name = "{0} is not an http(s) URL")
    @CsvSource({"ftp://hooks.example.com/", "file:///etc/passwd", "https://user:pw@hooks.example.com/", "/relative", "''"})
    void refusesWhatIsNotAnHttpUrl(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0} has no port a socket can use")
    @CsvSource({"http://8.8.8.8:65536/hook", "http://8.8.8.8:0/hook", "https://8.8.8.8:99999/hook"})
    void refusesPortsOutsideTheSocketRange(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must have a port from 1 to 65535");
    }

    @Test
    void aUrlLongerThanTheBoundIsRefusedWithoutBeingRead() {
        String url = "https://hooks.example.com/" + "a".repeat(HttpUrls.MAX_LENGTH);

        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("must be at most 2048 characters, was " + url.length());
    }

    @Test
    void hostThatDoesNotResolveIsUnknownNotRefused() {
        assertThatThrownBy(() -> guard.check("https://nowhere.example.com/"))
                .isInstanceOf(UnknownHostException.class).isNotInstanceOf(EgressRefusedException.class);
    }

    @Test
    void loopbackPassesOnlyWhenAllowed() throws Exception {
        EgressGuard local = new EgressGuard(AddressPolicy.allowing(List.of("127.0.0.0/8")), fakeDns(Map.of()));

        assertThat(local.check("http://127.0.0.1:8080/hook")).isNotNull();
        assertThatThrownBy(() -> local.check("http://[::1]:8080/hook")).isInstanceOf(EgressRefusedException.class);
    }
}
