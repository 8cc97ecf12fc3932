package it.rivendo.catalog;

import it.rivendo.shared.LocalizedText;
import java.util.List;

/** A product family in the main menu, with its products. */
public record MenuFamily(String code, LocalizedText name, List<MenuItem> products) {

	public record MenuItem(String code, LocalizedText name) {
	}
}
