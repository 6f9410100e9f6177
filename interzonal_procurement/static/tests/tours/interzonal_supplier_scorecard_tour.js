import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("interzonal_procurement_supplier_scorecard", {
    steps: () => [
        {
            content: "The supplier form shows the current grade on the smart button",
            trigger: ".o_form_view button[name='action_view_scorecards'] .o_stat_text",
        },
        {
            content: "Open the supplier's scorecard",
            trigger: ".o_form_view button[name='action_view_scorecards']",
            run: "click",
        },
        {
            content: "The scorecard shows the on-time delivery rate",
            trigger: ".o_form_view div[name='otd_rate']",
        },
        ...stepUtils.goToAppSteps(
            "interzonal_procurement.interzonal_procurement_menu_root",
            "Open the Framework Agreements app"
        ),
        {
            content: "Open the suppliers menu",
            trigger: ".o_main_navbar button:contains('Suppliers')",
            run: "click",
        },
        {
            content: "Open the evaluations",
            trigger: ".o-dropdown--menu a:contains('Evaluations')",
            run: "click",
        },
        {
            content: "The evaluations are shown",
            trigger: ".o_breadcrumb:contains('Evaluations')",
        },
        {
            content: "Record a new evaluation",
            trigger: ".o_control_panel button.o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the received order",
            trigger: ".o_field_widget[name='purchase_order_id'] input",
            run: "edit PO-GILETS",
        },
        {
            content: "Pick the order of the supplier",
            trigger: ".o-autocomplete--dropdown-menu a:contains('PO-GILETS-1')",
            run: "click",
        },
        {
            content: "The supplier follows from the order",
            trigger: ".o_field_widget[name='partner_id'] input:value('Gilets Wallons')",
        },
        {
            content: "Rate the service",
            trigger: ".o_field_widget[name='service_rating'] select",
            run: 'select "4"',
        },
        {
            content: "Rate the quality",
            trigger: ".o_field_widget[name='quality_rating'] select",
            run: 'select "5"',
        },
        {
            content: "Rate the communication",
            trigger: ".o_field_widget[name='communication_rating'] select",
            run: 'select "3"',
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved",
            trigger: ".o_form_saved",
        },
    ],
});
