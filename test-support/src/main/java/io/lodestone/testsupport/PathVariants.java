package io.lodestone.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The spellings of a protected path that a hostile client tries to slip past a guard: percent
 * encoding of plain letters, {@code ;} parameters, {@code //}, {@code .} and {@code ..} segments
 * (plain and encoded), encoded slashes and percents, backslashes, upper case and trailing slashes.
 * A service's test lists its protected endpoints and runs every variant of each against its real
 * port with {@link RawHttp}; without a token each must be refused (400 or 401), never served.
 */
public final class PathVariants {

    private PathVariants() {
    }

    /** A protected endpoint: method, canonical path and a body to send with it (or null). */
    public record Endpoint(String method, String path, String body) {

        public static Endpoint get(String path) {
            return new Endpoint("GET", path, null);
        }

        public static Endpoint post(String path, String body) {
            return new Endpoint("POST", path, body);
        }

        public static Endpoint put(String path, String body) {
            return new Endpoint("PUT", path, body);
        }

        public static Endpoint delete(String path) {
            return new Endpoint("DELETE", path, null);
        }
    }

    /** One spelling of an endpoint's path. */
    public record Variant(String name, String target) {
    }

    /** Every variant of {@code path}, the canonical spelling first. */
    public static List<Variant> of(String path) {
        String[] segments = path.substring(1).split("/");
        String first = segments[0];
        String rest = path.substring(1 + first.length());
        String last = segments[segments.length - 1];
        String head = path.substring(0, path.length() - last.length());
        List<Variant> variants = new ArrayList<>();
        variants.add(new Variant("canonical", path));
        variants.add(new Variant("first letter percent-encoded", "/" + encodeFirst(first, "%02x") + rest));
        variants.add(new Variant("last segment's first letter percent-encoded", head + encodeFirst(last, "%02x")));
        variants.add(new Variant("encoded percent (double encoding)", "/%25" + String.format("%02x", (int) first.charAt(0))
                + first.substring(1) + rest));
        variants.add(new Variant("';' parameter on the first segment", "/" + first + ";x=1" + rest));
        variants.add(new Variant("';' parameter on the last segment", path + ";x=1"));
        variants.add(new Variant("encoded ';'", "/" + first + "%3bx=1" + rest));
        variants.add(new Variant("leading '//'", "/" + path));
        variants.add(new Variant("inner '//'", "/" + first + "/" + rest));
        variants.add(new Variant("'.' segment", "/" + first + "/." + rest));
        variants.add(new Variant("'..' segment", "/" + first + "/x/.." + rest));
        variants.add(new Variant("'..' from outside", "/x/.." + path));
        variants.add(new Variant("encoded '.' segment", "/" + first + "/%2e" + rest));
        variants.add(new Variant("encoded '..' segment", "/" + first + "/x/%2e%2e" + rest));
        variants.add(new Variant("upper-case encoded '..' segment", "/x/%2E%2E" + path));
        variants.add(new Variant("encoded '/'", "/" + first + "%2f" + rest.substring(1)));
        variants.add(new Variant("backslash", "/" + first + "\\" + rest.substring(1)));
        variants.add(new Variant("upper case", path.toUpperCase(Locale.ROOT)));
        variants.add(new Variant("upper-case first segment", "/" + first.toUpperCase(Locale.ROOT) + rest));
        variants.add(new Variant("trailing '/'", path + "/"));
        variants.add(new Variant("trailing '/.'", path + "/."));
        variants.add(new Variant("query string", path + "?x=1"));
        return variants;
    }

    private static String encodeFirst(String segment, String hexFormat) {
        return "%" + String.format(hexFormat, (int) segment.charAt(0)) + segment.substring(1);
    }

    /** JUnit arguments {@code (endpoint, variant)} for every variant of every endpoint, named for the report. */
    public static Stream<Arguments> of(List<Endpoint> endpoints) {
        return endpoints.stream().flatMap(endpoint -> of(endpoint.path()).stream()
                .map(variant -> Arguments.of(Named.of(endpoint.method() + " " + endpoint.path(), endpoint),
                        Named.of(variant.name() + ": " + variant.target(), variant))));
    }

    /**
     * Sends the variant without a token and asserts it was refused: 400 (not canonical) or 401 with
     * {@code WWW-Authenticate: Bearer}; never served, never a server error.
     */
    public static RawHttp.Response assertRefusedWithoutToken(RawHttp http, Endpoint endpoint, Variant variant) {
        RawHttp.Response response = http.send(endpoint.method(), variant.target(), Map.of(), endpoint.body());
        assertThat(response.status()).as("%s %s without a token", endpoint.method(), variant.target())
                .isIn(400, 401);
        if (response.status() == 401) {
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
        }
        return response;
    }
}
