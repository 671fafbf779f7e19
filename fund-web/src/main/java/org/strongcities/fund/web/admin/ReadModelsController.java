package org.strongcities.fund.web.admin;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.dao.DataAccessException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.strongcities.fund.web.platform.ReadModels;
import org.strongcities.fund.web.readmodel.CaseProjection;
import org.strongcities.fund.web.readmodel.LedgerProjection;
import org.strongcities.fund.web.readmodel.ProjectionRebuild;

import java.util.List;

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
    private final ReadModels readModels;
    private final AdminText text;

    ReadModelsController(EventProcessingConfiguration processing, ProjectionRebuild rebuild, ReadModels readModels,
                         AdminText text) {
        this.processing = processing;
        this.rebuild = rebuild;
        this.readModels = readModels;
        this.text = text;
    }

    /** One projection: its state on this node, and how far it has read on whichever node runs it (null: not yet). */
    record Projection(String name, String title, String describes, boolean running, boolean segmentsHere, Long position,
                      Long behind) {
    }

    @GetMapping
    String overview(Model model) {
        long newest = readModels.newestEvent();
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
        // Read from the token table, as the pages wait for it: right whichever node holds the segments.
        long position = readModels.position(name);
        Long at = position < 0 ? null : position;
        return new Projection(name, title(name), text.get("admin.readModels." + name), processor.isRunning(),
                !processor.processingStatus().isEmpty(), at, at == null ? null : Math.max(0, newest - at));
    }

    private String title(String name) {
        return text.get("admin.readModels." + name + ".title");
    }
}
