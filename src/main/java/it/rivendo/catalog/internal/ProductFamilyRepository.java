package it.rivendo.catalog.internal;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProductFamilyRepository extends JpaRepository<ProductFamily, Long> {

	Optional<ProductFamily> findByCode(String code);

	List<ProductFamily> findAllByOrderBySortOrderAscCodeAsc();

}
