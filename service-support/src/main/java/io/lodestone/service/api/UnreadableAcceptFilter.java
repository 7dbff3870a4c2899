package io.lodestone.service.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads an {@code Accept} header that cannot be parsed ({@code ;;;/}, {@code application/json;q=x})
 * as if it had not been sent, which RFC 9110 lets a server do. Left in place, it made content
 * negotiation fail inside the handling of every error, and the client got the status with an empty
 * body instead of a problem detail; a valid request is answered as it would be without the header.
 */
final class UnreadableAcceptFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Enumeration<String> accept = request.getHeaders(HttpHeaders.ACCEPT);
        if (accept != null && accept.hasMoreElements() && !readable(Collections.list(accept))) {
            chain.doFilter(new WithoutAccept(request), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The error dispatch negotiates too. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    static boolean readable(List<String> values) {
        try {
            MediaType.parseMediaTypes(values);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static final class WithoutAccept extends HttpServletRequestWrapper {

        WithoutAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            List<String> names = Collections.list(super.getHeaderNames());
            names.removeIf(HttpHeaders.ACCEPT::equalsIgnoreCase);
            return Collections.enumeration(names);
        }
    }
}
