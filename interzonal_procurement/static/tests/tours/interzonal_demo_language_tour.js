import { rpc } from "@web/core/network/rpc";
import { registry } from "@web/core/registry";

const tours = registry.category("web_tour.tours");

// Words that are the same in English and Dutch.
const SAME_IN_DUTCH = new Set(["ID", "Items", "Product", "Status", "Wizard", "Zone"]);

async function englishLabels(models) {
    const labels = new Set();
    for (const model of models) {
        const fields = await rpc(`/web/dataset/call_kw/${model}/fields_get`, {
            model,
            method: "fields_get",
            args: [],
            kwargs: { attributes: ["string"], context: { lang: "en_US" } },
        });
        for (const field of Object.values(fields)) {
            labels.add(field.string);
        }
    }
    return labels;
}

async function checkNoEnglish(selector, models) {
    const english = await englishLabels(models);
    const titles = [...document.querySelectorAll(selector)]
        .map((el) => el.textContent.trim())
        .filter(Boolean);
    if (!titles.length) {
        throw new Error(`No title found for ${selector}`);
    }
    const untranslated = titles.filter((t) => english.has(t) && !SAME_IN_DUTCH.has(t));
    if (untranslated.length) {
        throw new Error(`English titles: ${untranslated.join(", ")}`);
    }
}

tours.add("interzonal_demo_buyer_in_dutch", {
    steps: () => [
        {
            content: "The purchase requests list, in Dutch",
            trigger: ".o_list_view th[data-name='name']",
            run: () => checkNoEnglish(".o_list_view thead th[data-name]", ["purchase.request"]),
        },
        {
            content: "Open the patrol request",
            trigger: ".o_data_row td[name='name']",
            run: "click",
        },
        {
            content: "Its form labels, in Dutch",
            trigger: ".o_form_view .o_form_label",
            run: () => checkNoEnglish(".o_form_view .o_form_label", ["purchase.request"]),
        },
        {
            content: "Its lines' column titles, in Dutch",
            trigger: ".o_form_view .o_field_one2many th[data-name]",
            run: () =>
                checkNoEnglish(".o_form_view .o_field_one2many thead th[data-name]", [
                    "purchase.request.line",
                ]),
        },
    ],
});
