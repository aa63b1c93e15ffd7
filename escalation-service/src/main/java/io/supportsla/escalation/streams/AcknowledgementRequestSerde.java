package io.supportsla.escalation.streams;

import io.supportsla.escalation.acknowledgement.AcknowledgementRequest;

/** The acknowledgement command topic's value serde (JSON; configured by class name on the binding). */
public class AcknowledgementRequestSerde extends JsonSerde<AcknowledgementRequest> {

    public AcknowledgementRequestSerde() {
        super(AcknowledgementRequest.class);
    }
}
