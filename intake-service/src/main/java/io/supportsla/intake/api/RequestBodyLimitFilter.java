package io.supportsla.intake.api;

import io.supportsla.intake.cases.Transport;
import io.supportsla.intake.metrics.IntakeMetrics;
import io.supportsla.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413 before anything reads them: at once when the
 * declared Content-Length is too large, and while reading when a chunked body turns out to be
 * (the read fails and the API answers 413).
 */
public final class RequestBodyLimitFilter extends OncePerRequestFilter {

    static final URI PAYLOAD_TOO_LARGE = URI.create(ProblemResponses.TYPE_BASE + "payload-too-large");

    private final long limit;
    private final ProblemResponses problems;
    private final IntakeMetrics metrics;

    public RequestBodyLimitFilter(long limit, ProblemResponses problems, IntakeMetrics metrics) {
        this.limit = limit;
        this.problems = problems;
        this.metrics = metrics;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getContentLengthLong() > limit) {
            metrics.refused("PAYLOAD_TOO_LARGE", Transport.HTTP);
            problems.write(response, tooLarge(limit, request));
            return;
        }
        chain.doFilter(new LimitedRequest(request, limit), response);
    }

    static org.springframework.http.ProblemDetail tooLarge(long limit, HttpServletRequest request) {
        return ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, PAYLOAD_TOO_LARGE, "Request body too large",
                "The request body may be at most " + limit + " bytes", request);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new LimitedStream(super.getInputStream(), limit);
            }
            return stream;
        }
    }

    private static final class LimitedStream extends ServletInputStream {

        private final ServletInputStream delegate;
        private final long limit;
        private long read;

        LimitedStream(ServletInputStream delegate, long limit) {
            this.delegate = delegate;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int next = delegate.read();
            if (next >= 0) {
                count(1);
            }
            return next;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = delegate.read(buffer, offset, length);
            if (count > 0) {
                count(count);
            }
            return count;
        }

        private void count(int bytes) throws PayloadTooLargeException {
            read += bytes;
            if (read > limit) {
                throw new PayloadTooLargeException(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return delegate.isFinished();
        }

        @Override
        public boolean isReady() {
            return delegate.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            delegate.setReadListener(listener);
        }
    }
}
