import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("interzonal_procurement_late_fine", {
    steps: () => [
        {
            content: "The withheld fine is listed with its amount",
            trigger: ".o_data_row:has(td[name='state']:contains('Withheld')) td[name='amount']:contains('448.00')",
        },
        {
            content: "Open the fine",
            trigger: ".o_data_row td[name='days_late']:contains('14')",
            run: "click",
        },
        {
            content: "The fine shows its late value",
            trigger: "div[name='late_value']:contains('32,000.00')",
        },
        {
            content: "Open the bill that withholds it",
            trigger: "div[name='bill_id'] a",
            run: "click",
        },
        {
            content: "The bill has a late fine",
            trigger: "button[name='action_view_late_fines']:contains('1')",
        },
        {
            content: "The bill carries the negative fine line",
            trigger: "div[name='invoice_line_ids'] .o_data_row:contains('Late-delivery fine'):contains('-448.00')",
        },
    ],
});
