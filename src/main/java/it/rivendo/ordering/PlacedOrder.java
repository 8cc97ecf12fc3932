package it.rivendo.ordering;

import java.util.List;

/** An order paid in a batch: its number and the ids of its lines, in line order. */
public record PlacedOrder(String number, List<Long> lineIds) {
}
