package io.lodestone.alert.bom;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Bills of materials and their parts in PostgreSQL; the only place with their SQL. */
@Repository
class BomRepository {

    private static final TypeReference<Map<String, Double>> GRAMS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    BomRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Runs in the caller's transaction, so an upload is stored whole or not at all. */
    void insert(Bom bom) {
        jdbc.sql("insert into bom (id, name, format, created_at) values (?, ?, ?, ?)")
                .params(bom.id(), bom.name(), bom.format().name(), Timestamp.from(bom.createdAt())).update();
        int position = 0;
        for (Part part : bom.parts()) {
            Part.Magnet magnet = part.magnet();
            jdbc.sql("""
                    insert into bom_part (bom_id, position, line, part_number, description, annual_volume,
                                          magnet_type, magnet_grade, magnet_mass_g, element_grams)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")
                    .params(bom.id(), position++, part.line(), part.partNumber(), part.description(), part.annualVolume(),
                            magnet == null ? null : magnet.grade().type().name(),
                            magnet == null ? null : magnet.grade().label(),
                            magnet == null ? null : magnet.massGrams(),
                            part.elementsGrams() == null ? null : json.writeValueAsString(part.elementsGrams()))
                    .update();
        }
    }

    Optional<Bom> find(UUID id) {
        return jdbc.sql("select * from bom where id = ?").param(id)
                .query((rs, n) -> new Bom(id, rs.getString("name"), BomFormat.valueOf(rs.getString("format")),
                        rs.getTimestamp("created_at").toInstant(), parts(id)))
                .optional();
    }

    List<Boms.Summary> findAll() {
        return jdbc.sql("""
                select b.*, (select count(*) from bom_part p where p.bom_id = b.id) as parts
                from bom b order by b.created_at, b.id""")
                .query((rs, n) -> new Boms.Summary(rs.getObject("id", UUID.class), rs.getString("name"),
                        BomFormat.valueOf(rs.getString("format")), rs.getTimestamp("created_at").toInstant(),
                        rs.getInt("parts")))
                .list();
    }

    /**
     * Deletes a BOM and its parts. A live subscription that links it holds a foreign key to it
     * (a deleted one lets go), so the database itself refuses, whatever the race.
     */
    Deletion delete(UUID id) {
        try {
            return jdbc.sql("delete from bom where id = ?").param(id).update() == 1 ? Deletion.DELETED : Deletion.NOT_FOUND;
        } catch (DataIntegrityViolationException e) {
            return Deletion.LINKED;
        }
    }

    private List<Part> parts(UUID id) {
        return jdbc.sql("select * from bom_part where bom_id = ? order by position").param(id).query(this::part).list();
    }

    private Part part(ResultSet rs, int rowNum) throws SQLException {
        String grade = rs.getString("magnet_grade");
        Part.Magnet magnet = null;
        if (grade != null) {
            MagnetType type = MagnetType.valueOf(rs.getString("magnet_type"));
            magnet = new Part.Magnet(MagnetGrade.parse(type, grade).value().orElseThrow(), rs.getDouble("magnet_mass_g"));
        }
        String grams = rs.getString("element_grams");
        return new Part(rs.getInt("line"), rs.getString("part_number"), rs.getString("description"),
                rs.getLong("annual_volume"), magnet, grams == null ? null : json.readValue(grams, GRAMS));
    }
}
