package org.rebound.breach;

/** How every value of one column is read: as which field, and for dates in which order. */
record ColumnPlan(Field field, Dates.Order dateOrder) {

    static ColumnPlan of(Field field) {
        return new ColumnPlan(field, Dates.Order.UNKNOWN);
    }
}
