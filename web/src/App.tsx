import { Navigate, Route, Routes, useLocation, useSearchParams } from 'react-router';
import { Layout, PublicLayout } from './components/Layout.tsx';
import { Loading, PageHeader } from './components/ui.tsx';
import { isPlatformStaff, useSession } from './lib/session.tsx';
import { AccountsPage } from './pages/AccountsPage.tsx';
import { AgreementCreatePage, AgreementEditPage } from './pages/AgreementEditPage.tsx';
import { AgreementPage } from './pages/AgreementPage.tsx';
import { AgreementsPage } from './pages/AgreementsPage.tsx';
import { CalendarPage } from './pages/CalendarPage.tsx';
import { CataloguePage } from './pages/CataloguePage.tsx';
import { CataloguesPage } from './pages/CataloguesPage.tsx';
import { GridCreatePage } from './pages/GridCreatePage.tsx';
import { GridPage } from './pages/GridPage.tsx';
import { GridsPage } from './pages/GridsPage.tsx';
import { DashboardPage } from './pages/DashboardPage.tsx';
import { ImportPage } from './pages/ImportPage.tsx';
import { JournalPage } from './pages/JournalPage.tsx';
import { LoginPage } from './pages/LoginPage.tsx';
import { MyAccountPage } from './pages/MyAccountPage.tsx';
import { MyConsumptionPage, OrganisationConsumptionPage } from './pages/ConsumptionPage.tsx';
import { MyServicesPage } from './pages/MyServicesPage.tsx';
import { NotFoundPage } from './pages/NotFoundPage.tsx';
import { OutboxPage } from './pages/OutboxPage.tsx';
import { MyOrganisationPage, OrganisationPage } from './pages/OrganisationPage.tsx';
import { OrganisationEditPage, OrganisationCreatePage } from './pages/OrganisationEditPage.tsx';
import { RegistryPage } from './pages/RegistryPage.tsx';
import { CommitteesPage } from './pages/CommitteesPage.tsx';
import { CommitteePage } from './pages/CommitteePage.tsx';
import { MeetingPage } from './pages/MeetingPage.tsx';
import { NeedsPage } from './pages/NeedsPage.tsx';
import { KpiPage } from './pages/KpiPage.tsx';
import { AnnualReportPage } from './pages/AnnualReportPage.tsx';
import { SetupPage } from './pages/SetupPage.tsx';
import { SnapshotImportPage } from './pages/SnapshotImportPage.tsx';
import { SubscriptionQueuePage } from './pages/SubscriptionQueuePage.tsx';
import { SubscriptionRequestPage } from './pages/SubscriptionRequestPage.tsx';
import { TemplatesPage } from './pages/TemplatesPage.tsx';
import { OperatorInvoiceImportPage } from './pages/OperatorInvoiceImportPage.tsx';
import { OperatorInvoicePage } from './pages/OperatorInvoicePage.tsx';
import { OperatorInvoicesPage } from './pages/OperatorInvoicesPage.tsx';
import { TimeEntriesPage } from './pages/TimeEntriesPage.tsx';
import { TimeImportPage } from './pages/TimeImportPage.tsx';
import { BillingRunPage } from './pages/BillingRunPage.tsx';
import { PesSettingsPage } from './pages/PesSettingsPage.tsx';
import { CostAllocationPage } from './pages/CostAllocationPage.tsx';
import { CostBudgetPage } from './pages/CostBudgetPage.tsx';
import { CostProposalPage } from './pages/CostProposalPage.tsx';
import { MyCostSharePage } from './pages/MyCostSharePage.tsx';
import { MyInvoicesPage } from './pages/MyInvoicesPage.tsx';
import { TitlePage } from './pages/TitlePage.tsx';
import { TitlesPage } from './pages/TitlesPage.tsx';
import { can } from './shared.ts';

/** Only same-site paths are followed after login, never an absolute address. */
export function safeReturn(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/** Once logged in, the login address leads where the user was going. */
function AfterLogin() {
  const [params] = useSearchParams();
  return <Navigate to={safeReturn(params.get('retour'))} replace />;
}

export function App() {
  const { account, loggedOut } = useSession();
  const location = useLocation();

  if (account === undefined) {
    return (
      <PublicLayout>
        <PageHeader title="Mutualis" />
        <Loading label="Vérification de la session…" />
      </PublicLayout>
    );
  }

  if (account === null) {
    return (
      <PublicLayout>
        <Routes>
          <Route path="/connexion" element={<LoginPage />} />
          <Route
            path="*"
            element={
              <Navigate
                to={`/connexion${location.pathname !== '/' && !loggedOut ? `?retour=${encodeURIComponent(location.pathname + location.search)}` : ''}`}
                replace
              />
            }
          />
        </Routes>
      </PublicLayout>
    );
  }

  const provider = account.side === 'provider';
  const allowed = (permission: Parameters<typeof can>[1]) => can(account.role, permission);
  return (
    <Layout account={account}>
      <Routes>
        <Route path="/connexion" element={<AfterLogin />} />
        <Route path="/" element={provider ? <DashboardPage /> : <Navigate to="/mon-organisation" replace />} />
        {provider && allowed('organisation:read') ? <Route path="/organisations" element={<RegistryPage />} /> : null}
        {provider && allowed('organisation:write') ? <Route path="/organisations/nouvelle" element={<OrganisationCreatePage />} /> : null}
        <Route path="/organisations/:id" element={<OrganisationPage />} />
        {allowed('organisation:write') ? <Route path="/organisations/:id/modifier" element={<OrganisationEditPage />} /> : null}
        {!provider ? <Route path="/mon-organisation" element={<MyOrganisationPage />} /> : null}
        {!provider ? <Route path="/mes-services" element={<MyServicesPage />} /> : null}
        {!provider ? <Route path="/consommations" element={<MyConsumptionPage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/organisations/:id/consommations" element={<OrganisationConsumptionPage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/demandes" element={<SubscriptionQueuePage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/demandes/:id" element={<SubscriptionRequestPage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/comites" element={<CommitteesPage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/comites/:id" element={<CommitteePage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/reunions/:id" element={<MeetingPage />} /> : null}
        <Route path="/besoins" element={<NeedsPage />} />
        {provider && allowed('organisation:read') ? <Route path="/indicateurs" element={<KpiPage />} /> : null}
        <Route path="/conventions/:id/rapport-annuel/:annee" element={<AnnualReportPage />} />
        {provider && allowed('consumption:write') ? <Route path="/consommations/import" element={<SnapshotImportPage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/temps" element={<TimeEntriesPage />} /> : null}
        {provider && allowed('consumption:write') ? <Route path="/temps/import" element={<TimeImportPage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/factures-operateurs" element={<OperatorInvoicesPage />} /> : null}
        {provider && allowed('consumption:write') ? <Route path="/factures-operateurs/import" element={<OperatorInvoiceImportPage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/factures-operateurs/:id" element={<OperatorInvoicePage />} /> : null}
        {provider && allowed('billing:run') ? <Route path="/facturation" element={<BillingRunPage />} /> : null}
        {provider && allowed('billing:run') ? <Route path="/facturation/pes" element={<PesSettingsPage />} /> : null}
        {provider && allowed('billing:run') ? <Route path="/facturation/pes/:providerId" element={<PesSettingsPage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/titres" element={<TitlesPage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/titres/:id" element={<TitlePage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/couts" element={<CostBudgetPage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/couts/:providerId/:year" element={<CostBudgetPage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/couts/:providerId/:year/repartition" element={<CostAllocationPage />} /> : null}
        {provider && allowed('organisation:read') ? <Route path="/couts/:providerId/:year/proposition" element={<CostProposalPage />} /> : null}
        {!provider ? <Route path="/ma-part" element={<MyCostSharePage />} /> : null}
        {!provider ? <Route path="/mes-factures" element={<MyInvoicesPage />} /> : null}
        {!provider ? <Route path="/mes-factures/:id" element={<TitlePage />} /> : null}
        <Route path="/catalogues" element={<CataloguesPage />} />
        <Route path="/fournisseurs/:id/catalogue" element={<CataloguePage />} />
        <Route path="/fournisseurs/:id/tarifs" element={<GridsPage />} />
        <Route path="/fournisseurs/:id/tarifs/grilles/:code" element={<GridPage />} />
        <Route path="/conventions" element={<AgreementsPage />} />
        {provider && allowed('agreement:write') ? <Route path="/conventions/nouvelle" element={<AgreementCreatePage />} /> : null}
        <Route path="/conventions/:id" element={<AgreementPage />} />
        {provider && allowed('agreement:write') ? <Route path="/conventions/:id/modifier" element={<AgreementEditPage />} /> : null}
        {provider && allowed('agreement:write') ? <Route path="/modeles" element={<TemplatesPage />} /> : null}
        <Route path="/calendrier" element={<CalendarPage />} />
        {provider && allowed('tariff:write') ? <Route path="/fournisseurs/:id/tarifs/nouvelle-version" element={<GridCreatePage />} /> : null}
        {provider && allowed('registry:import') ? <Route path="/import" element={<ImportPage />} /> : null}
        {allowed('setup:load') && isPlatformStaff(account) ? <Route path="/parametrage" element={<SetupPage />} /> : null}
        {provider && allowed('audit:read') ? <Route path="/journal" element={<JournalPage />} /> : null}
        {allowed('account:manage') ? <Route path="/comptes" element={<AccountsPage />} /> : null}
        {allowed('account:manage') && isPlatformStaff(account) ? <Route path="/boite-d-envoi" element={<OutboxPage />} /> : null}
        <Route path="/mon-compte" element={<MyAccountPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Layout>
  );
}
