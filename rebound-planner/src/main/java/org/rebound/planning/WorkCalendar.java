package org.rebound.planning;

import java.time.Instant;
import org.rebound.model.Shift;

/**
 * When a team works, in the integer time units of a planning instance: a shift's working hours, or
 * every unit for a team working around the clock. Work pauses outside the shift and resumes with the
 * next one; an activity holds its team member until it is finished.
 */
final class WorkCalendar {

    private final boolean roundTheClock;
    private final int[] workedBefore;
    private final int[] workingUnits;

    private WorkCalendar(boolean roundTheClock, int[] workedBefore, int[] workingUnits) {
        this.roundTheClock = roundTheClock;
        this.workedBefore = workedBefore;
        this.workingUnits = workingUnits;
    }

    static WorkCalendar roundTheClock() {
        return new WorkCalendar(true, new int[0], new int[0]);
    }

    /** The shift over {@code [0, horizon)} units of {@code unitMinutes} from {@code zero}. */
    static WorkCalendar of(Shift shift, Instant zero, int unitMinutes, int horizon) {
        int[] workedBefore = new int[horizon + 1];
        int[] working = new int[horizon];
        int count = 0;
        for (int unit = 0; unit < horizon; unit++) {
            workedBefore[unit] = count;
            if (shift.isWorking(zero.plusSeconds(60L * unitMinutes * unit))) {
                working[count++] = unit;
            }
        }
        workedBefore[horizon] = count;
        int[] trimmed = new int[count];
        System.arraycopy(working, 0, trimmed, 0, count);
        return new WorkCalendar(false, workedBefore, trimmed);
    }

    boolean isRoundTheClock() {
        return roundTheClock;
    }

    boolean isWorking(int unit) {
        return roundTheClock || (unit < workedBefore.length - 1 && workedBefore[unit + 1] > workedBefore[unit]);
    }

    /** The first working unit at or after {@code unit}, or -1 beyond the horizon. */
    int nextWorking(int unit) {
        if (roundTheClock) {
            return unit;
        }
        if (unit >= workedBefore.length - 1) {
            return -1;
        }
        int index = workedBefore[Math.max(0, unit)];
        return index < workingUnits.length ? workingUnits[index] : -1;
    }

    /**
     * When work of {@code duration} working units started at {@code start} ends, or -1 beyond the
     * horizon. {@code start} should be a working unit.
     */
    int finish(int start, int duration) {
        if (roundTheClock || duration == 0) {
            return start + duration;
        }
        if (start >= workedBefore.length - 1) {
            return -1;
        }
        int last = workedBefore[start] + duration - 1;
        return last < workingUnits.length ? workingUnits[last] + 1 : -1;
    }
}
