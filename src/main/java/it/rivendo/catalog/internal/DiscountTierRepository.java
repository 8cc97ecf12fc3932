package it.rivendo.catalog.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DiscountTierRepository extends JpaRepository<DiscountTier, Long> {

	Optional<DiscountTier> findByCode(String code);

	/** The tier a reseller nobody placed yet gets: the lowest one. */
	Optional<DiscountTier> findFirstByOrderBySortOrderAscPercentAsc();

	List<DiscountTier> findAllByOrderBySortOrderAscPercentAsc();

}
