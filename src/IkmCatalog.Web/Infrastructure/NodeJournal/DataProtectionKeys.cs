using System.Xml.Linq;
using IkmCatalog.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption;
using Microsoft.AspNetCore.DataProtection.AuthenticatedEncryption.ConfigurationModel;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace IkmCatalog.Web.Infrastructure.NodeJournal;

/// <summary>
/// Data-protection keys (sign-in cookies, antiforgery tokens, the form guard's stamps) in the database, so every
/// node reads what any node protected. Keys an older version kept in the data folder's keys/ are imported once,
/// before the first key is read, so sign-ins and open forms survive the upgrade.
/// </summary>
public static class DataProtectionKeys
{
    public static IHostApplicationBuilder AddIkmDataProtection(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        // New keys use AES-256-GCM: one authenticated cipher instead of AES-CBC plus HMAC, about twice as fast per token,
        // and every anonymous page with a form protects two or three values. Keys made before keep their own algorithm.
        builder.Services.AddDataProtection().SetApplicationName("IkmCatalog")
            .UseCryptographicAlgorithms(new AuthenticatedEncryptorConfiguration
            {
                EncryptionAlgorithm = EncryptionAlgorithm.AES_256_GCM,
                ValidationAlgorithm = ValidationAlgorithm.HMACSHA256,
            });
        // Antiforgery tokens are made on every view of a page with a form (two per new visitor, even on cached pages):
        // envelope protection, one AES-GCM operation each instead of a key-ring operation.
        var keyRing = builder.Services.Last(d => d.ServiceType == typeof(IDataProtectionProvider));
        builder.Services.Remove(keyRing);
        builder.Services.AddSingleton<IDataProtectionProvider>(services => new EnvelopeProtectionProvider(
            (IDataProtectionProvider)(keyRing.ImplementationInstance
                ?? keyRing.ImplementationFactory?.Invoke(services)
                ?? ActivatorUtilities.CreateInstance(services, keyRing.ImplementationType!)),
            services.GetRequiredService<TimeProvider>(),
            new HashSet<string>(StringComparer.Ordinal) { EnvelopeProtectionProvider.AntiforgeryPurpose }));
        builder.Services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(services =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new ImportingKeyRepository(
                services, services.GetRequiredService<DataPaths>().Keys, services.GetRequiredService<ILoggerFactory>())));
        return builder;
    }

    /// <summary>Copies key-*.xml files of a keys folder into an empty key table; returns how many it copied.</summary>
    public static async Task<int> ImportFolderAsync(IkmDbContext db, string folder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!Directory.Exists(folder) || await db.DataProtectionKeys.AnyAsync(cancellationToken))
        {
            return 0;
        }
        var files = Directory.GetFiles(folder, "key-*.xml").Order(StringComparer.Ordinal).ToList();
        foreach (var file in files)
        {
            var element = XElement.Load(file);
            // The names and form the EF Core repository itself stores.
            db.DataProtectionKeys.Add(new DataProtectionKey
            {
                FriendlyName = Path.GetFileNameWithoutExtension(file),
                Xml = element.ToString(SaveOptions.DisableFormatting),
            });
        }
        await db.SaveChangesAsync(cancellationToken);
        return files.Count;
    }

    /// <summary>The EF Core key repository, which first imports the old keys folder (once per process, while the table is empty).</summary>
    private sealed class ImportingKeyRepository(IServiceProvider services, string legacyFolder, ILoggerFactory loggers) : IXmlRepository
    {
        private readonly EntityFrameworkCoreXmlRepository<IkmDbContext> _inner = new(services, loggers);
        private readonly Lock _gate = new();
        private bool _imported;

        public IReadOnlyCollection<XElement> GetAllElements()
        {
            EnsureImported();
            return _inner.GetAllElements();
        }

        public void StoreElement(XElement element, string friendlyName)
        {
            EnsureImported();
            _inner.StoreElement(element, friendlyName);
        }

        private void EnsureImported()
        {
            lock (_gate)
            {
                if (_imported)
                {
                    return;
                }
                using var scope = services.CreateScope();
                var imported = ImportFolderAsync(scope.ServiceProvider.GetRequiredService<IkmDbContext>(), legacyFolder).GetAwaiter().GetResult();
                if (imported > 0)
                {
                    loggers.CreateLogger(typeof(DataProtectionKeys)).LogInformation(
                        "Imported {Count} data-protection keys from {Folder} into the database; the folder is no longer read.", imported, legacyFolder);
                }
                _imported = true;
            }
        }
    }
}
