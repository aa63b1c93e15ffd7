/**
 * The follow-the-sun business calendar: the weekly staffing window, each region's public
 * holidays and closure days, business-time arithmetic for response targets, and the regions'
 * local office hours for escalation. Plain Java with {@code java.time} in every signature; no
 * framework imports, so the SLA and escalation services can use it from any adapter.
 */
package io.supportsla.calendar;
