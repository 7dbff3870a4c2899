package io.lodestone.alert.notify;

import io.lodestone.alert.AlertProperties;
import io.lodestone.service.egress.AddressPolicy;
import io.lodestone.service.egress.EgressGuard;
import io.lodestone.service.egress.EgressRefusedException;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Keeps Slack and webhook deliveries from reaching inside the network (SSRF): a URL must be
 * http(s) and every address its host resolves to must pass the egress {@link AddressPolicy},
 * which {@code lodestone.alert.egress.allowed-cidrs} may widen. Checked when a subscription is
 * saved; every send checks again at connection time, on the very address it connects to
 * ({@link HttpDelivery}).
 */
@Component
public class UrlGuard {

    private final AddressPolicy policy;
    private final EgressGuard guard;

    @Autowired
    public UrlGuard(AlertProperties properties) {
        this(AddressPolicy.allowing(properties.egress().allowedCidrs()), SystemDefaultDnsResolver.INSTANCE);
    }

    UrlGuard(AddressPolicy policy, DnsResolver resolver) {
        this.policy = policy;
        this.guard = new EgressGuard(policy, resolver);
    }

    /** The addresses deliveries may connect to. */
    AddressPolicy policy() {
        return policy;
    }

    /**
     * What is wrong with the URL as a delivery target, or empty when it may be used. A host
     * that does not resolve now is accepted here and checked again at send time.
     */
    public Optional<String> problem(String url) {
        try {
            guard.check(url);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        } catch (EgressRefusedException e) {
            return Optional.of("resolves to a refused address: " + e.getMessage());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
