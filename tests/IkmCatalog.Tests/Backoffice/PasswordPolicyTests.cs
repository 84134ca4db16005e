using System.Globalization;
using System.Net;
using IkmCatalog.Backoffice;
using IkmCatalog.Tests.Infrastructure;
using IkmCatalog.Web.Areas.Backoffice.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace IkmCatalog.Tests.Backoffice;

/// <summary>ASVS 2.1 as the site applies it: length (12 to 128), no composition rules, common and own-name passwords refused.</summary>
[Collection(SiteCollection.Name)]
public class PasswordPolicyTests(IkmWebFactory factory)
{
    private const string Email = "budi.santoso@disperindag.example.go.id";

    /// <summary>Every refusal of the site's configured validators, in the given language.</summary>
    private async Task<List<string>> RefusalsAsync(string password, string culture = "id")
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Editor>>();
        var editor = new Editor { Email = Email, UserName = Email };
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var refusals = new List<string>();
            foreach (var validator in users.PasswordValidators)
            {
                refusals.AddRange((await validator.ValidateAsync(users, editor, password)).Errors.Select(e => e.Description));
            }
            return refusals;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Theory]
    [InlineData("rotankendari")]
    [InlineData("kopi tubruk pagi hari")]
    [InlineData("SEMUA HURUF BESAR")]
    [InlineData("ñandú-café-über")]
    public async Task Twelve_characters_or_more_need_no_digit_capital_or_symbol(string password)
    {
        Assert.Empty(await RefusalsAsync(password));
    }

    [Fact]
    public async Task Eleven_characters_are_refused_in_indonesian_and_in_english()
    {
        Assert.Equal(["Kata sandi minimal 12 karakter."], await RefusalsAsync("rotankendar"));
        Assert.Equal(["Passwords must be at least 12 characters long."], await RefusalsAsync("rotankendar", "en"));
    }

    [Theory]
    [InlineData("bismillah123")]
    [InlineData("Indonesia1945")]
    [InlineData("sayangkamu123")]
    [InlineData("QWERTYUIOPASDF")]
    [InlineData("passwordpassword")]
    [InlineData("123456789012")]
    [InlineData("iloveyou1234")]
    public async Task A_commonly_used_password_is_refused_whatever_its_case(string password)
    {
        Assert.Equal(["Kata sandi ini terlalu umum dan mudah ditebak. Pilih yang lain, misalnya frasa beberapa kata."], await RefusalsAsync(password));
        Assert.Equal(["This password is too common and easy to guess. Choose another, for example a phrase of several words."], await RefusalsAsync(password, "en"));
    }

    [Theory]
    [InlineData(Email)]
    [InlineData("BUDI.SANTOSO@DISPERINDAG.EXAMPLE.GO.ID")]
    [InlineData("kunci-" + Email + "!")]
    public async Task A_password_that_is_or_contains_the_email_is_refused(string password)
    {
        Assert.Equal(["Kata sandi tidak boleh berisi email atau nama pengguna akun."], await RefusalsAsync(password));
        Assert.Equal(["The password must not contain the account's email or user name."], await RefusalsAsync(password, "en"));
    }

    [Fact]
    public async Task One_character_repeated_is_refused()
    {
        Assert.Equal(["Kata sandi tidak boleh hanya satu karakter yang diulang-ulang."], await RefusalsAsync("zzzzzzzzzzzzzzzz"));
        Assert.Equal(["The password must not be one character repeated."], await RefusalsAsync("ZzZzZzZzZzZzZz", "en"));
    }

    [Fact]
    public async Task At_most_128_characters_are_accepted()
    {
        var phrase = string.Concat(Enumerable.Repeat("tenun ikat sumba ", 8));

        Assert.Empty(await RefusalsAsync(phrase[..128]));
        Assert.Equal(["Kata sandi paling panjang 128 karakter."], await RefusalsAsync(phrase[..128] + "x"));
    }

    [Fact]
    public void The_shipped_list_holds_thousands_of_common_passwords_of_twelve_characters_or_more()
    {
        var list = factory.Services.GetRequiredService<CommonPasswords>();

        Assert.True(list.Count >= 3000, $"{list.Count} passwords");
        Assert.All(list.All, p => Assert.InRange(p.Length, 12, 128));
        Assert.All(list.All, p => Assert.Equal(p.ToLowerInvariant(), p));
        Assert.False(list.Contains(Editors.Password));
    }

    [Fact]
    public async Task A_short_password_is_refused_next_to_the_field_on_the_new_account_page()
    {
        var admin = await Editors.SignedInClientAsync(factory, EditorRoles.Admin);

        var response = await Forms.SubmitAsync(admin, "/backoffice/accounts/new", "form[action='/backoffice/accounts/new']", new Dictionary<string, string>
        {
            ["DisplayName"] = "Pak Joko",
            ["Email"] = $"joko-{Guid.NewGuid():N}@disperindag.example.go.id",
            ["Roles"] = EditorRoles.Editor,
            ["Password"] = "rotankendar",
        });
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Kata sandi minimal 12 karakter.", page.QuerySelector("#password-error")!.TextContent);
    }

    [Fact]
    public async Task A_common_password_is_refused_in_english_on_the_own_password_page()
    {
        var client = await Editors.SignedInClientAsync(factory, EditorRoles.Writer);
        await Forms.SubmitAsync(client, "/backoffice", "form[action='/backoffice/language']", new Dictionary<string, string> { ["culture"] = "en" });

        var response = await Forms.SubmitAsync(client, "/backoffice/password", "form[action='/backoffice/password']", new Dictionary<string, string>
        {
            ["CurrentPassword"] = Editors.Password,
            ["NewPassword"] = "Bismillah123",
            ["ConfirmPassword"] = "Bismillah123",
        });
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("This password is too common and easy to guess. Choose another, for example a phrase of several words.", page.QuerySelector("#new-password-error")!.TextContent);
    }
}
