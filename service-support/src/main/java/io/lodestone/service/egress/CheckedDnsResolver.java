package io.lodestone.service.egress;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves a host once per connection, checks every address against the {@link AddressPolicy},
 * and returns exactly the checked addresses for the HTTP client to connect to. There is no
 * second lookup between the check and the connection, so a DNS answer that changes (rebinding)
 * cannot move the connection to an address that was never checked.
 */
public final class CheckedDnsResolver implements DnsResolver {

    private final AddressPolicy policy;
    private final DnsResolver delegate;

    public CheckedDnsResolver(AddressPolicy policy) {
        this(policy, SystemDefaultDnsResolver.INSTANCE);
    }

    /** @param delegate where answers come from; tests pass a resolver that changes its answer */
    public CheckedDnsResolver(AddressPolicy policy, DnsResolver delegate) {
        this.policy = policy;
        this.delegate = delegate;
    }

    /** @throws EgressRefusedException when any answer is refused; {@link UnknownHostException} when there is none */
    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        // an address written in the URL is checked as written, whatever the resolver would make of it
        Optional<InetAddress> literal = IpLiterals.parse(host);
        InetAddress[] addresses = literal.isPresent() ? new InetAddress[] {literal.get()} : delegate.resolve(host);
        if (addresses == null || addresses.length == 0) {
            throw new UnknownHostException("host " + host + " does not resolve");
        }
        InetAddress[] checked = addresses.clone();
        var refusal = policy.refusal(checked);
        if (refusal.isPresent()) {
            throw new EgressRefusedException(refusal.get());
        }
        return checked;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(address -> new InetSocketAddress(address, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }

}
