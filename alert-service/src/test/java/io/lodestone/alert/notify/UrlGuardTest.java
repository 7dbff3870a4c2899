package io.lodestone.alert.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.lodestone.service.egress.AddressPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which destinations Slack and webhook deliveries may be saved with. Decisions only: nothing connects. */
class UrlGuardTest {

    private final UrlGuard strict = new UrlGuard(AddressPolicy.publicOnly(), SystemDefaultDnsResolver.INSTANCE);

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource(delimiter = '|', textBlock = """
            http://[64:ff9b::a00:1]/                | NAT64
            https://[2002:c0a8:101::1]/hook         | 6to4
            https://[2001:0:53aa:64c::1]/hook       | Teredo
            http://169.254.169.254/latest/meta-data | 169.254.169.254
            http://127.0.0.1:8080/hook              | loopback
            http://10.0.0.7/hook                    | private-use
            """)
    void refusesNonPublicDestinations(String url, String reason) {
        assertThat(strict.problem(url)).get().asString().contains(reason);
    }

    @Test
    void aNameIsJudgedByEveryAddressItResolvesTo() {
        UrlGuard guard = new UrlGuard(AddressPolicy.publicOnly(), dns("93.184.216.34", "100.100.100.200"));

        assertThat(guard.problem("https://hooks.example.com/services/T0/B0/X")).get().asString()
                .contains("100.100.100.200", "carrier-grade NAT");
    }

    @Test
    void publicDestinationsPass() {
        UrlGuard guard = new UrlGuard(AddressPolicy.publicOnly(), dns("93.184.216.34"));

        assertThat(guard.problem("https://hooks.example.com/services/T0/B0/X")).isEmpty();
        assertThat(strict.problem("https://[2606:4700:4700::1111]/hook")).isEmpty();
    }

    @Test
    void allowListOpensOnlyWhatItNames() {
        UrlGuard local = new UrlGuard(AddressPolicy.allowing(List.of("127.0.0.0/8", "10.20.0.0/16")),
                SystemDefaultDnsResolver.INSTANCE);

        assertThat(local.problem("http://127.0.0.1:8080/hook")).isEmpty();
        assertThat(local.problem("http://10.20.3.4/hook")).isEmpty();
        assertThat(local.problem("http://10.21.3.4/hook")).isPresent();
        assertThat(local.problem("http://169.254.169.254/")).isPresent();
    }

    @Test
    void refusesWhatIsNotAPlainHttpUrl() {
        UrlGuard guard = new UrlGuard(AddressPolicy.allowing(List.of("127.0.0.0/8")), SystemDefaultDnsResolver.INSTANCE);

        assertThat(guard.problem("file:///etc/passwd")).isPresent();
        assertThat(guard.problem("gopher://127.0.0.1/")).isPresent();
        assertThat(guard.problem("http://user:pw@127.0.0.1/")).isPresent();
        assertThat(guard.problem("not a url")).isPresent();
        assertThat(guard.problem(null)).isPresent();
        assertThat(guard.problem("https://no-such-host.invalid/hook")).as("checked again at send time").isEmpty();
    }

    private static DnsResolver dns(String... answers) {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                InetAddress[] addresses = new InetAddress[answers.length];
                for (int i = 0; i < answers.length; i++) {
                    addresses[i] = InetAddress.getByName(answers[i]);
                }
                return addresses;
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }
}
