import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

registry.category("web_tour.tours").add("interzonal_contract_finance", {
    steps: () => [
        ...stepUtils.goToAppSteps(
            "interzonal_procurement.interzonal_procurement_menu_root",
            "Open the Framework Agreements app"
        ),
        {
            content: "Open the reporting menu",
            trigger: "[data-menu-xmlid='interzonal_procurement.interzonal_procurement_menu_reporting']",
            run: "click",
        },
        {
            content: "Open the contract money analysis",
            trigger: "[data-menu-xmlid='interzonal_procurement.interzonal_contract_finance_report_menu']",
            run: "click",
        },
        {
            content: "The pivot shows the lot with what it commits",
            trigger: ".o_pivot tr:has(th:contains('Lot 1')) td:contains('5,000.00')",
        },
        {
            content: "The pivot shows what the lot's bills invoice",
            trigger: ".o_pivot tr:has(th:contains('Lot 1')) td:contains('3,000.00')",
        },
        {
            content: "Open the contracts menu",
            trigger: "[data-menu-xmlid='interzonal_procurement.interzonal_procurement_menu_contracts']",
            run: "click",
        },
        {
            content: "Open the framework agreements",
            trigger: "[data-menu-xmlid='interzonal_procurement.interzonal_framework_agreement_menu']",
            run: "click",
        },
        {
            content: "Open the agreement",
            trigger: ".o_data_row td[name='name']:contains('IZ ICT hardware')",
            run: "click",
        },
        {
            content: "The agreement shows what is invoiced",
            trigger: "div[name='contract_money'] div[name='invoiced_amount']:contains('3,000.00')",
        },
        {
            content: "Print the finance workbook",
            trigger: ".o_form_view button[name='action_print_finance_workbook']",
            run: "click",
        },
        {
            content: "The workbook is downloaded and the screen free again",
            trigger: "body:not(:has(.o_blockUI)) .o_form_view",
        },
    ],
});
