package it.rivendo.catalog.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface DiscountOverrideRepository extends JpaRepository<DiscountOverride, Long> {

	/** The overrides that may apply to a reseller: its own and its tier's. */
	@Query("select o from DiscountOverride o where o.resellerId = :resellerId or o.tierId = :tierId")
	List<DiscountOverride> findApplicable(long resellerId, long tierId);

	List<DiscountOverride> findByProductIdOrderById(long productId);

	Optional<DiscountOverride> findByProductIdAndTierId(long productId, long tierId);

	Optional<DiscountOverride> findByProductIdAndResellerId(long productId, long resellerId);
}
