package io.lodestone.service.egress;

import java.net.URI;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The egress decision for a URL, without connecting: is it an http(s) URL, and does every
 * address its host resolves to pass the {@link AddressPolicy}? Used to validate a destination
 * when it is configured; sending checks again, at connection time, through
 * {@link CheckedDnsResolver}.
 */
public final class EgressGuard {

    private final CheckedDnsResolver resolver;

    public EgressGuard(AddressPolicy policy) {
        this(policy, SystemDefaultDnsResolver.INSTANCE);
    }

    public EgressGuard(AddressPolicy policy, DnsResolver delegate) {
        this.resolver = new CheckedDnsResolver(policy, delegate);
    }

    /**
     * @return the parsed URL when it may be called now
     * @throws IllegalArgumentException when it is not an http(s) URL with a host
     * @throws EgressRefusedException   when its host resolves to a refused address
     * @throws UnknownHostException     when its host does not resolve now, which may pass later
     */
    public URI check(String url) throws UnknownHostException {
        URI uri = HttpUrls.parse(url);
        resolver.resolve(uri.getHost());
        return uri;
    }
}
