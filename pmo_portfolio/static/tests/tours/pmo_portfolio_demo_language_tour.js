import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// Words that are the same in English and French.
const SAME_IN_FRENCH = new Set(["Code", "Description", "ID", "Messages", "Programme", "Type"]);

async function englishLabels(model, selectionOf = null) {
    const fields = await rpc(`/web/dataset/call_kw/${model}/fields_get`, {
        model,
        method: "fields_get",
        args: [],
        kwargs: { attributes: ["string", "selection"], context: { lang: "en_US" } },
    });
    if (selectionOf) {
        return new Set(fields[selectionOf].selection.map(([, label]) => label));
    }
    return new Set(Object.values(fields).map((field) => field.string));
}

function checkNoEnglish(selector, english) {
    const titles = [...document.querySelectorAll(selector)]
        .map((el) => el.textContent.trim())
        .filter(Boolean);
    if (!titles.length) {
        throw new Error(`No title found for ${selector}`);
    }
    const untranslated = titles.filter((t) => english.has(t) && !SAME_IN_FRENCH.has(t));
    if (untranslated.length) {
        throw new Error(`English titles: ${untranslated.join(", ")}`);
    }
}

tours.add("pmo_portfolio_demo_kanban_in_french", {
    steps: () => [
        {
            content: "The PMO kanban, grouped by health in French",
            trigger: ".o_kanban_view .o_kanban_group .o_column_title",
            run: async () => {
                const health = await englishLabels("project.project", "health");
                checkNoEnglish(".o_kanban_group .o_column_title", health);
                checkNoEnglish(
                    ".o_kanban_record .o_field_widget[name='health'] .badge",
                    health
                );
            },
        },
        {
            content: "Money of the cards in euros",
            trigger: ".o_kanban_record",
            run: async () => {
                const cards = document.querySelector(".o_kanban_view").textContent;
                if (cards.includes("$")) {
                    throw new Error("A card shows dollars");
                }
            },
        },
    ],
});

tours.add("pmo_portfolio_demo_values_in_french", {
    steps: () => [
        {
            content: "The indicator values list, in French",
            trigger: ".o_list_view th[data-name='indicator_id']",
            run: async () =>
                checkNoEnglish(
                    ".o_list_view thead th[data-name]",
                    await englishLabels("pmo.indicator.value")
                ),
        },
        {
            content: "Their states, in French",
            trigger: ".o_list_view .o_data_row td[name='state']",
            run: async () =>
                checkNoEnglish(
                    ".o_list_view .o_data_row td[name='state']",
                    await englishLabels("pmo.indicator.value", "state")
                ),
        },
    ],
});
