package org.strongcities.fund.web.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.strongcities.fund.web.readmodel.CaseProjection;
import org.strongcities.fund.web.readmodel.LedgerProjection;
import org.strongcities.fund.web.readmodel.ProjectionRebuild;

import java.util.List;
import java.util.OptionalLong;

/**
 * Operators' view of the read models the pages show: how far each projection has read the event store,
 * and a rebuild from the whole store when a read model is in doubt (after a fix to a projection, or a
 * restore of its tables). The event store is the record; these tables are its cache.
 */
@Controller
@RequestMapping("/admin/read-models")
@PreAuthorize("hasRole('ADMINISTRATOR')")
class ReadModelsController {

    /** The tracking projections, in the order shown. */
    private static final List<String> PROJECTIONS = List.of(CaseProjection.GROUP, LedgerProjection.GROUP);

    private final EventProcessingConfiguration processing;
    private final ProjectionRebuild rebuild;
    private final JdbcTemplate jdbc;
    private final AdminText text;

    ReadModelsController(EventProcessingConfiguration processing, ProjectionRebuild rebuild, JdbcTemplate jdbc, AdminText text) {
        this.processing = processing;
        this.rebuild = rebuild;
        this.jdbc = jdbc;
        this.text = text;
    }

    /** One projection as this node sees it; position null when none of its segments runs here. */
    record Projection(String name, String title, String describes, boolean running, Long position, Long behind) {
    }

    @GetMapping
    String overview(Model model) {
        long newest = jdbc.queryForObject("SELECT coalesce(max(globalindex), -1) FROM domainevententry", Long.class);
        model.addAttribute("newest", newest);
        model.addAttribute("projections", PROJECTIONS.stream().map(name -> projection(name, newest)).toList());
        return "admin/read-models";
    }

    @PostMapping("/{name}/rebuild")
    String rebuild(@PathVariable String name, RedirectAttributes redirect) {
        if (!PROJECTIONS.contains(name)) {
            redirect.addFlashAttribute("error", text.get("admin.readModels.unknown", name));
            return "redirect:/admin/read-models";
        }
        try {
            ProjectionRebuild.Rebuilt rebuilt = rebuild.rebuild(name);
            redirect.addFlashAttribute("message", text.get("admin.readModels.rebuilt", title(name), rebuilt.eventsRead(),
                    rebuilt.rowsWritten(), String.format("%.1f", rebuilt.seconds())));
        } catch (IllegalStateException refused) {
            redirect.addFlashAttribute("error", text.get("admin.readModels.refused", title(name), refused.getMessage()));
        } catch (DataAccessException failed) {
            // The rebuild's one transaction rolled back: the operator needs to know the tables are untouched, and why.
            redirect.addFlashAttribute("error", text.get("admin.readModels.failed", title(name),
                    failed.getMostSpecificCause().getMessage()));
        }
        return "redirect:/admin/read-models";
    }

    private Projection projection(String name, long newest) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
        // The slowest segment running here says how far the whole projection is.
        OptionalLong position = processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition).filter(OptionalLong::isPresent)
                .mapToLong(OptionalLong::getAsLong).min();
        Long at = position.isPresent() ? position.getAsLong() : null;
        return new Projection(name, title(name), text.get("admin.readModels." + name), processor.isRunning(), at, at == null ? null : Math.max(0, newest - at));
    }

    private String title(String name) {
        return text.get("admin.readModels." + name + ".title");
    }
}
