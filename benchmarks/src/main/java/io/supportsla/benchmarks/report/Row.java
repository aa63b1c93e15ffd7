package io.supportsla.benchmarks.report;

/**
 * One line of the printed table: a figure, its value, and the target it is held against (empty
 * when there is none).
 *
 * @param met whether the target is met; null when there is no target or it is not judged at this size
 */
public record Row(String figure, String value, String target, Boolean met) {

    public static Row of(String figure, String value) {
        return new Row(figure, value, "", null);
    }

    public static Row against(String figure, String value, String target, boolean met) {
        return new Row(figure, value, target, met);
    }
}
