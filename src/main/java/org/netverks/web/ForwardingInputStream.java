package org.netverks.web;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;

/**
 * A request body stream that passes everything to the container's own stream; the filters that
 * watch a body as it is read ({@link SlowBodies}, {@link RequestSizeLimit}) override the reads.
 */
abstract class ForwardingInputStream extends ServletInputStream {

    protected final ServletInputStream inner;

    ForwardingInputStream(ServletInputStream inner) {
        this.inner = inner;
    }

    @Override
    public boolean isFinished() {
        return inner.isFinished();
    }

    @Override
    public boolean isReady() {
        return inner.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
        inner.setReadListener(listener);
    }
}
