import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("interzonal_procurement_price_revision", {
    steps: () => [
        {
            content: "Open the lot's price revisions",
            trigger: ".o_notebook a[name='price_revisions']",
            run: "click",
        },
        {
            content: "Add a price revision",
            trigger: "div[name='price_revision_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Set the revision date",
            trigger: ".modal div[name='date'] input",
            run: "edit 06/01/2026",
        },
        {
            content: "Give the reference",
            trigger: ".modal div[name='reference'] input",
            run: "edit IZ-REV-TOUR",
        },
        {
            content: "Set the fixed part",
            trigger: ".modal div[name='fixed_coefficient'] input",
            run: "edit 0.25",
        },
        {
            content: "Add the wage index",
            trigger: ".modal div[name='term_ids'] .o_field_x2many_list_row_add a",
            run: "click",
        },
        {
            content: "Name the index",
            trigger: ".modal div[name='term_ids'] .o_selected_row td[name='name'] input",
            run: "edit Wages",
        },
        {
            content: "Its coefficient",
            trigger: ".modal div[name='term_ids'] .o_selected_row td[name='coefficient'] input",
            run: "edit 0.75",
        },
        {
            content: "Its base value",
            trigger: ".modal div[name='term_ids'] .o_selected_row td[name='base_index'] input",
            run: "edit 100",
        },
        {
            content: "Its current value",
            trigger: ".modal div[name='term_ids'] .o_selected_row td[name='current_index'] input",
            run: "edit 108",
        },
        {
            content: "The factor follows the indices",
            trigger: ".modal div[name='coefficient_total']",
            run: "click",
        },
        {
            content: "The factor is 0.25 + 0.75 x 1.08",
            trigger: ".modal div[name='factor']:contains('1.060000')",
        },
        {
            content: "Save the revision",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The revision is listed",
            trigger: "div[name='price_revision_ids'] .o_data_row td[name='factor']:contains('1.060000')",
        },
        {
            content: "Save the lot",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "The lot is saved",
            trigger: ".o_form_saved",
        },
    ],
});
