package it.rivendo.catalog.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface DiscountOverrideRepository extends JpaRepository<DiscountOverride, Long> {

	List<DiscountOverride> findByProductIdOrderById(long productId);

	Optional<DiscountOverride> findByProductIdAndTierId(long productId, long tierId);

	Optional<DiscountOverride> findByProductIdAndResellerId(long productId, long resellerId);

}
