package io.lodestone.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * Lists stored before each element had to be named once (a subscription watching "Dy" 50,000 times)
 * keep their distinct entries after the migration, on real PostgreSQL: they watch and silence what
 * they did, at the size of what they name.
 */
class ElementListsMigrationTest {

    @Test
    void repeatedElementsAndGroupsStoredBeforeTheRuleAreCutToTheirDistinctEntries() {
        TestDatabase db = TestDatabase.migratedTo("alert_element_lists", "7.1");
        UUID repeating = UUID.randomUUID();
        UUID plain = UUID.randomUUID();
        UUID silence = UUID.randomUUID();
        String manyDy = String.join(",", Collections.nCopies(50_000, "\"Dy\""));
        db.jdbc().sql("insert into subscription (id, spec, created_at, updated_at) values (?, ?::jsonb, now(), now())")
                .params(repeating, "{\"name\": \"repeats\", \"elements\": [" + manyDy + ", \"Nd\"], \"groups\": [\"REE\", \"REE\"]}")
                .update();
        db.jdbc().sql("insert into subscription (id, spec, created_at, updated_at) values (?, ?::jsonb, now(), now())")
                .params(plain, "{\"name\": \"plain\", \"elements\": [\"Tb\", \"Ga\"], \"groups\": []}").update();
        db.jdbc().sql("""
                insert into silence (id, elements, groups, starts_at, ends_at, created_at)
                values (?, ?::jsonb, '["HREE", "HREE", "LREE"]'::jsonb, now(), now() + interval '1 day', now())""")
                .params(silence, "[" + manyDy + "]").update();

        Flyway.configure().dataSource(db.dataSource()).locations("classpath:db/migration").load().migrate();

        assertThat(list(db, "select jsonb_array_elements_text(spec -> 'elements') from subscription where id = ?", repeating))
                .containsExactlyInAnyOrder("Dy", "Nd");
        assertThat(list(db, "select jsonb_array_elements_text(spec -> 'groups') from subscription where id = ?", repeating))
                .containsExactly("REE");
        assertThat(db.jdbc().sql("select spec ->> 'name' from subscription where id = ?").param(repeating).query(String.class)
                .single()).as("the rest of the spec").isEqualTo("repeats");
        assertThat(list(db, "select jsonb_array_elements_text(spec -> 'elements') from subscription where id = ?", plain))
                .as("a list without repeats keeps its order").containsExactly("Tb", "Ga");
        assertThat(list(db, "select jsonb_array_elements_text(elements) from silence where id = ?", silence))
                .containsExactly("Dy");
        assertThat(list(db, "select jsonb_array_elements_text(groups) from silence where id = ?", silence))
                .containsExactlyInAnyOrder("HREE", "LREE");
    }

    private static List<String> list(TestDatabase db, String sql, UUID id) {
        return db.jdbc().sql(sql).param(id).query(String.class).list();
    }
}
